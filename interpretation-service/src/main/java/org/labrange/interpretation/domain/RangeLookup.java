package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds, per source and category, the range that applies to one result: its analyte's ranges, on its collection
 * date, for its patient and method.
 */
record RangeLookup(
        AnalyteRanges ranges, LocalDate date, Optional<Sex> sex, Optional<PatientAge> age, Optional<String> method) {

    private static final RangeSelector.Choice NONE = new RangeSelector.Choice(Optional.empty(), "no range");

    /**
     * The selector sees only the revisions in effect on the date (found by binary search), which gives the same
     * choice as showing it every revision; when none is in effect it gets them all, so it can say why.
     */
    RangeSelector.Choice choose(String source, RangeCategory category) {
        List<CanonicalRange> inEffect = ranges.inEffect(source, category, date);
        return RangeSelector.choose(
                inEffect.isEmpty() ? ranges.of(source, category) : inEffect, source, category, date, sex, age, method);
    }

    /** Absolute, critical and optimal ranges are optional: most sources publish none, so skip the search. */
    RangeSelector.Choice chooseOptional(String source, RangeCategory category) {
        return ranges.of(source, category).isEmpty() ? NONE : choose(source, category);
    }
}
