package org.labrange.interpretation.api.problem;

import java.util.List;

/** The whole request is refused; becomes a problem document with this status and type slug. */
public class RequestRejectedException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public RequestRejectedException(
            int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static RequestRejectedException validation(List<Problem.FieldError> errors) {
        return new RequestRejectedException(
                400,
                "validation",
                "Invalid request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
