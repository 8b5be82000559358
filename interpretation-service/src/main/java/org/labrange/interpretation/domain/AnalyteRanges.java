package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs for one analyte: the analyte, every revision converted to its canonical unit,
 * and revisions that could not be used (with the reason), as of change sequence {@code changeSequence}.
 */
public record AnalyteRanges(
        Analyte analyte,
        List<CanonicalRange> ranges,
        List<UnusableRange> unusable,
        long changeSequence,
        List<String> referenceSources,
        Map<String, Map<RangeCategory, List<CanonicalRange>>> bySource,
        Map<String, Map<RangeCategory, RevisionPeriods>> periods) {

    public AnalyteRanges(
            Analyte analyte, List<CanonicalRange> ranges, List<UnusableRange> unusable, long changeSequence) {
        this(analyte, ranges, unusable, changeSequence, referenceSources(ranges), index(ranges));
    }

    private AnalyteRanges(
            Analyte analyte,
            List<CanonicalRange> ranges,
            List<UnusableRange> unusable,
            long changeSequence,
            List<String> referenceSources,
            Map<String, Map<RangeCategory, List<CanonicalRange>>> bySource) {
        this(analyte, ranges, unusable, changeSequence, referenceSources, bySource, periods(bySource));
    }

    public AnalyteRanges {
        ranges = List.copyOf(ranges);
        unusable = List.copyOf(unusable);
        referenceSources = List.copyOf(referenceSources);
    }

    /** The revisions of one source and category: the only ones the selector needs to look at. */
    public List<CanonicalRange> of(String source, RangeCategory category) {
        Map<RangeCategory, List<CanonicalRange>> ofSource = bySource.get(source);
        if (ofSource == null) {
            return List.of();
        }
        return ofSource.getOrDefault(category, List.of());
    }

    /**
     * The revisions of one source and category in effect on {@code date} (active or retired), found by binary
     * search over each range's periods; what {@link RangeSelector} then chooses from.
     */
    public List<CanonicalRange> inEffect(String source, RangeCategory category, LocalDate date) {
        Map<RangeCategory, RevisionPeriods> ofSource = periods.get(source);
        RevisionPeriods p = ofSource == null ? null : ofSource.get(category);
        return p == null ? List.of() : p.inEffectOn(date);
    }

    private static Map<String, Map<RangeCategory, RevisionPeriods>> periods(
            Map<String, Map<RangeCategory, List<CanonicalRange>>> bySource) {
        Map<String, Map<RangeCategory, RevisionPeriods>> out = new java.util.HashMap<>();
        bySource.forEach((source, byCategory) -> {
            Map<RangeCategory, RevisionPeriods> m = new java.util.EnumMap<>(RangeCategory.class);
            byCategory.forEach((category, list) -> m.put(category, RevisionPeriods.of(list)));
            out.put(source, java.util.Collections.unmodifiableMap(m));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<String> referenceSources(List<CanonicalRange> ranges) {
        return ranges.stream()
                .filter(r -> r.revision().category() == RangeCategory.REFERENCE)
                .map(r -> r.revision().sourceCode())
                .distinct()
                .sorted()
                .toList();
    }

    private static Map<String, Map<RangeCategory, List<CanonicalRange>>> index(List<CanonicalRange> ranges) {
        Map<String, Map<RangeCategory, List<CanonicalRange>>> index = new java.util.HashMap<>();
        for (CanonicalRange r : ranges) {
            index.computeIfAbsent(r.revision().sourceCode(), s -> new java.util.EnumMap<>(RangeCategory.class))
                    .computeIfAbsent(r.revision().category(), c -> new java.util.ArrayList<>())
                    .add(r);
        }
        index.replaceAll((s, byCategory) -> {
            byCategory.replaceAll((c, list) -> List.copyOf(list));
            return java.util.Collections.unmodifiableMap(byCategory);
        });
        return java.util.Collections.unmodifiableMap(index);
    }

    /** A revision whose unit cannot be converted to the analyte's unit: reported, never used. */
    public record UnusableRange(String source, String rangeId, int revision, String reason) {}

    /** Converts each revision's bounds once, so that evaluation never calls UCUM. */
    public static AnalyteRanges compile(
            Analyte analyte, List<RangeRevision> revisions, long changeSequence, UnitConverter converter) {
        List<CanonicalRange> ranges = new java.util.ArrayList<>();
        List<UnusableRange> unusable = new java.util.ArrayList<>();
        for (RangeRevision r : revisions) {
            try {
                ConversionFactor f = converter.factor(r.unit(), analyte);
                ranges.add(new CanonicalRange(r, r.interval().scaled(f.factor()), analyte.unit()));
            } catch (UnitConversionException e) {
                unusable.add(new UnusableRange(r.sourceCode(), r.rangeId(), r.revision(), e.getMessage()));
            }
        }
        return new AnalyteRanges(analyte, ranges, unusable, changeSequence);
    }
}
