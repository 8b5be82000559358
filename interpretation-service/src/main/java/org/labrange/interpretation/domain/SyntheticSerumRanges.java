package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * B2M serum ranges held in memory, never read from the ranges service: the three seeded sources (Quest ≤ 2.51 mg/L
 * for adults, Labcorp 0.6–2.4 mg/L, Mosby/Pagana 0.7–1.8 mg/L), compiled as the cache compiles them. They give the
 * engine real work where no ranges service is involved: the service's warm-up before it opens its port, and the
 * engine benchmarks. Nothing computed from them is ever answered to a caller.
 */
public final class SyntheticSerumRanges {

    /** The sources, in the order the seed lists them by code. */
    public static final List<String> SOURCES = List.of("labcorp", "mosby-pagana-2022", "quest");

    private SyntheticSerumRanges() {}

    /**
     * The compiled ranges; {@code revisionsPerRange} > 1 gives every range that many revisions with consecutive
     * valid periods from 2000-01-01 (one day each, the newest open-ended and in effect).
     */
    public static AnalyteRanges compile(UnitConverter units, int revisionsPerRange) {
        Analyte b2m = new Analyte(
                "1952-1",
                "Beta-2 microglobulin, serum/plasma",
                List.of("B2M"),
                "SERUM_PLASMA",
                "mg/L",
                OptionalDouble.of(11800),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        Population adults = new Population(
                Sex.ANY,
                OptionalDouble.of(18),
                OptionalDouble.empty(),
                AgeUnit.YEARS,
                Optional.empty(),
                Optional.empty());
        List<RangeRevision> revisions = new ArrayList<>();
        revisions.addAll(history(
                "1952e001-0000-4000-8000-000000000001", "quest", Interval.atMost(2.51), adults, revisionsPerRange));
        revisions.addAll(history(
                "1952e001-0000-4000-8000-000000000002",
                "labcorp",
                Interval.closed(0.6, 2.4),
                Population.everyone(),
                revisionsPerRange));
        revisions.addAll(history(
                "1952e001-0000-4000-8000-000000000003",
                "mosby-pagana-2022",
                Interval.closed(0.7, 1.8),
                Population.everyone(),
                revisionsPerRange));
        return AnalyteRanges.compile(b2m, revisions, 7, units);
    }

    private static List<RangeRevision> history(
            String id, String source, Interval interval, Population population, int count) {
        LocalDate start = LocalDate.parse("2000-01-01");
        List<RangeRevision> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            LocalDate from = start.plusDays(n - 1L);
            Optional<LocalDate> to = n == count ? Optional.empty() : Optional.of(from.plusDays(1));
            out.add(new RangeRevision(
                    id,
                    n,
                    "1952-1",
                    source,
                    RangeCategory.REFERENCE,
                    interval,
                    "mg/L",
                    population,
                    true,
                    from,
                    to,
                    Optional.empty()));
        }
        return out;
    }
}
