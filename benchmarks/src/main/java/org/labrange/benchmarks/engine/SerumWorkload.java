package org.labrange.benchmarks.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.labrange.interpretation.config.KnowledgeBaseLoader;
import org.labrange.interpretation.domain.AgeUnit;
import org.labrange.interpretation.domain.Analyte;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.Interval;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.Patient;
import org.labrange.interpretation.domain.Population;
import org.labrange.interpretation.domain.RangeCategory;
import org.labrange.interpretation.domain.RangeRevision;
import org.labrange.interpretation.domain.Sex;
import org.labrange.interpretation.domain.UnitConverter;

/**
 * The engine's working set as the service holds it once its cache is warm: the seeded B2M serum ranges of
 * three sources (Quest ≤ 2.51 for adults, Labcorp 0.6–2.4, Mosby/Pagana 0.7–1.8 mg/L), compiled to mg/L, and a
 * cycle of results written the ways labs send them (four units, censored values, some with an earlier result).
 *
 * <p>{@code revisionsPerRange} > 1 gives every range that many revisions with consecutive valid periods
 * (the newest one in effect), to show how evaluation time grows with a range's history.
 */
public final class SerumWorkload {

    public static final List<String> SOURCES = List.of("labcorp", "mosby-pagana-2022", "quest");
    public static final Instant COLLECTED_AT = Instant.parse("2026-11-20T08:00:00Z");

    private static final String[] VALUES = {"0.5", "1.2", "2.45", "3.1", "<0.2", ">100", "1.75", "2.0"};
    private static final String[] UNITS = {"mg/L", "ug/mL", "mg/L", "MG/L", "ug/mL", "mg/L", "ug/mL", "mg/L"};

    public final UnitConverter units;
    public final InterpretationEngine engine;
    public final AnalyteRanges ranges;
    public final Patient patient;
    public final Optional<List<String>> requestedSources = Optional.of(SOURCES);

    public SerumWorkload(int revisionsPerRange) {
        units = UnitConverter.fromBundledEssence();
        engine = new InterpretationEngine(
                units, KnowledgeBaseLoader.fromClasspath(KnowledgeBaseLoader.DEFAULT_LOCATION), ZoneOffset.UTC);
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
        ranges = AnalyteRanges.compile(b2m, revisions, 7, units);
        patient = new Patient(Optional.of(Sex.FEMALE), Optional.of(LocalDate.parse("1970-05-01")), Optional.empty());
    }

    /** Revision n is in effect from 2000-01-01 + (n-1) days until the next one; the last one is open-ended. */
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

    /** {@code count} results cycling through the value and unit mix; every fourth carries an earlier result. */
    public List<LabResult> results(int count) {
        List<LabResult> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<LabResult.PreviousResult> previous = i % 4 == 0
                    ? List.of(new LabResult.PreviousResult("1.9", "mg/L", COLLECTED_AT.minusSeconds(200L * 86_400)))
                    : List.of();
            out.add(new LabResult(
                    "s" + i,
                    "1952-1",
                    Optional.of("serum"),
                    VALUES[i % VALUES.length],
                    UNITS[i % UNITS.length],
                    COLLECTED_AT,
                    Optional.empty(),
                    previous));
        }
        return out;
    }
}
