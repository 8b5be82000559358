package org.labrange.ranges.domain;

/** Unit of a population's age interval; ages are completed units at the collection date. */
public enum AgeUnit {
    DAYS,
    MONTHS,
    YEARS
}
