package org.labrange.interpretation.domain;

/** A revision together with its bounds converted to the analyte's canonical unit. */
public record CanonicalRange(RangeRevision revision, Interval interval, String unit) {
}
