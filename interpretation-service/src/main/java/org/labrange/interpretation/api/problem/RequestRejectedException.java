package org.labrange.interpretation.api.problem;

import java.util.List;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;

/** The whole request is refused; becomes a problem document of this catalogue type. */
public class RequestRejectedException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    /** @param slug an entry of contracts/problem-types.csv that has a status */
    public RequestRejectedException(String slug, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = ProblemCatalogue.load()
                .find(slug)
                .filter(t -> t.status().isPresent())
                .orElseThrow(() -> new IllegalArgumentException(slug + " is not a problem type with a status"));
        this.errors = List.copyOf(errors);
    }

    public static RequestRejectedException validation(List<Problem.FieldError> errors) {
        return new RequestRejectedException(
                "validation",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
