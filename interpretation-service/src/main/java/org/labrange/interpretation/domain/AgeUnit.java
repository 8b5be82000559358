package org.labrange.interpretation.domain;

public enum AgeUnit {
    DAYS,
    MONTHS,
    YEARS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
