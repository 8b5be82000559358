package org.labrange.interpretation.domain;

/** Why one result could not be interpreted; {@code kind} becomes the problem type slug. */
public record ResultProblem(String kind, String field, String reason) {

    public static final String UNKNOWN_ANALYTE = "unknown-analyte";
    public static final String UNIT_NOT_CONVERTIBLE = "unit-not-convertible";
    public static final String IMPOSSIBLE_VALUE = "impossible-value";
    public static final String INVALID_RESULT = "invalid-result";
}
