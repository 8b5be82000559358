package org.labrange.ranges.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;
import org.labrange.ranges.api.Views;
import org.labrange.ranges.domain.FieldError;

/** An RFC 9457 problem document with a stable type URI: the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        Views.RangeRevisionView currentRevision,

        @Schema(description = "The analyte's latest revision, when If-Match named an older one")
        Views.AnalyteView currentAnalyte,

        @Schema(description = "The ids of the live ranges that keep an analyte from being retired")
        List<String> liveRanges,

        @Schema(description = "The correlation id of the request, as in the X-Request-Id header")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = ProblemCatalogue.TYPE_BASE;

    /**
     * A problem of the catalogue (contracts/problem-types.csv), which gives its type URI, title and status;
     * without field errors or a current revision.
     */
    public static Problem of(String slug, String detail, String instance) {
        return of(ProblemCatalogue.load().find(slug).orElseThrow(), detail, instance);
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status().orElseThrow(),
                detail,
                instance,
                null,
                null,
                null,
                null,
                requestIdNow());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(
                type,
                title,
                status,
                detail,
                instance,
                List.copyOf(fieldErrors),
                currentRevision,
                currentAnalyte,
                liveRanges,
                requestId);
    }

    public Problem withCurrentRevision(Views.RangeRevisionView current) {
        return new Problem(
                type, title, status, detail, instance, errors, current, currentAnalyte, liveRanges, requestId);
    }

    public Problem withCurrentAnalyte(Views.AnalyteView current) {
        return new Problem(
                type, title, status, detail, instance, errors, currentRevision, current, liveRanges, requestId);
    }

    public Problem withLiveRanges(List<String> ranges) {
        return new Problem(
                type,
                title,
                status,
                detail,
                instance,
                errors,
                currentRevision,
                currentAnalyte,
                List.copyOf(ranges),
                requestId);
    }

    /** The request's correlation id, which RequestIdFilter puts in the log context; absent before it ran. */
    private static String requestIdNow() {
        Object id = org.jboss.logging.MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
