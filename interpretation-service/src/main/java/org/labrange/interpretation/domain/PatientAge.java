package org.labrange.interpretation.domain;

/** A patient's age at collection in completed days, months and years (java.time counting, nothing estimated). */
public record PatientAge(long days, long months, long years) {

    public double in(AgeUnit unit) {
        return switch (unit) {
            case DAYS -> days;
            case MONTHS -> months;
            case YEARS -> years;
        };
    }
}
