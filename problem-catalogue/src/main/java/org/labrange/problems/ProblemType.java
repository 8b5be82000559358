package org.labrange.problems;

import java.util.OptionalInt;

/**
 * One entry of the problem catalogue: the {@code type} URI's last segment, the status it is answered with
 * (absent for problems reported inside an answer), its title, and what a caller should know and do.
 *
 * @param scope {@code request} for a whole answer, {@code result} for a problem of one result
 */
public record ProblemType(String slug, OptionalInt status, String title, String scope, String when, String action) {

    /** The type URI that answers carry. */
    public String uri() {
        return ProblemCatalogue.TYPE_BASE + slug;
    }
}
