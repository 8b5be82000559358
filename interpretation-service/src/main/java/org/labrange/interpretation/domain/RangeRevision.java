package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One revision of a range as served by the ranges service, with its bounds in the range's own unit. The
 * revision applies to collection dates in [effectiveFrom, effectiveTo).
 */
public record RangeRevision(
        String rangeId,
        int revision,
        String analyteCode,
        String sourceCode,
        RangeCategory category,
        Interval interval,
        String unit,
        Population population,
        boolean active,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveTo,
        Optional<String> note) {

    public boolean inEffectOn(LocalDate date) {
        return !effectiveFrom.isAfter(date) && effectiveTo.map(date::isBefore).orElse(true);
    }
}
