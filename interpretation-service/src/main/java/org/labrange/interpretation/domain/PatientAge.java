package org.labrange.interpretation.domain;

/**
 * A patient's age at collection in completed days, months and years. When only a period such as P56Y was
 * given (no birth date), days are estimated from it ({@code exact} false).
 */
public record PatientAge(long days, long months, long years, boolean exact) {

    public double in(AgeUnit unit) {
        return switch (unit) {
            case DAYS -> days;
            case MONTHS -> months;
            case YEARS -> years;
        };
    }
}
