package org.labrange.benchmarks.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labrange.interpretation.config.KnowledgeBaseLoader;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.Patient;
import org.labrange.interpretation.domain.Sex;
import org.labrange.interpretation.domain.SyntheticSerumRanges;
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

    public static final List<String> SOURCES = SyntheticSerumRanges.SOURCES;
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
        ranges = SyntheticSerumRanges.compile(units, revisionsPerRange);
        patient = new Patient(Optional.of(Sex.FEMALE), Optional.of(LocalDate.parse("1970-05-01")), Optional.empty());
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
