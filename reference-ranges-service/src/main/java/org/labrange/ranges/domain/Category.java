package org.labrange.ranges.domain;

/** What crossing a range means, after FHIR ObservationDefinition rangeCategory plus OPTIMAL. */
public enum Category {
    REFERENCE,
    OPTIMAL,
    CRITICAL,
    ABSOLUTE
}
