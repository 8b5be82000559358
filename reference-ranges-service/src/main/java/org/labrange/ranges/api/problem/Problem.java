package org.labrange.ranges.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        Views.RangeRevisionView currentRevision) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://labrange.dev/problems/";

    /** A problem without field errors or a current revision; {@code slug} completes the type URI. */
    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, null, null);
    }
}
