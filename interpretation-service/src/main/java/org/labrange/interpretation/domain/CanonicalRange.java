package org.labrange.interpretation.domain;

/**
 * A revision together with its bounds converted to the analyte's canonical unit. Immutable, so the text
 * shown to people ({@code "0.6–2.4 mg/L"}) is built once when the ranges are compiled, not per result.
 */
public record CanonicalRange(RangeRevision revision, Interval interval, String unit, String text) {

    public CanonicalRange(RangeRevision revision, Interval interval, String unit) {
        this(revision, interval, unit, interval.describe() + " " + unit);
    }
}
