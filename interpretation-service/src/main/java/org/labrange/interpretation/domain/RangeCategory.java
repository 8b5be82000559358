package org.labrange.interpretation.domain;

/** What a range means: FHIR ObservationDefinition rangeCategory plus an optimal range set. */
public enum RangeCategory {
    /** Normal values for the population. */
    REFERENCE,
    /** A narrower target some sources publish; it never changes the flag. */
    OPTIMAL,
    /** Outside it the value is critical (LL/HH). */
    CRITICAL,
    /** Outside it the value is impossible and is rejected. */
    ABSOLUTE
}
