package org.labrange.interpretation.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.problems.ProblemCatalogue;

@Schema(description = "RFC 9457 problem document")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,

        @Schema(description = "The correlation id of the request, as in the X-Request-Id header")
        String requestId) {

    public static final String TYPE_BASE = ProblemCatalogue.TYPE_BASE;
    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String reason) {}
}
