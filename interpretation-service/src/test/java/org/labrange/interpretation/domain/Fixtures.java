package org.labrange.interpretation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.labrange.interpretation.config.KnowledgeBaseLoader;

/** The seeded B2M ranges and small builders, for plain tests of the engine. */
final class Fixtures {

    static final UnitConverter UNITS = UnitConverter.fromBundledEssence();
    static final KnowledgeBase RULES = KnowledgeBaseLoader.fromClasspath(KnowledgeBaseLoader.DEFAULT_LOCATION);
    static final InterpretationEngine ENGINE = new InterpretationEngine(UNITS, RULES, ZoneOffset.UTC);
    static final Instant COLLECTED = Instant.parse("2026-11-20T08:00:00Z");
    static final LocalDate SEED_DATE = LocalDate.parse("2020-01-01");

    static final Analyte SERUM = UnitConverterTest.B2M_SERUM;
    static final Analyte URINE = UnitConverterTest.B2M_URINE;
    static final Analyte WITH_CV = new Analyte(
            "TEST-CV",
            "test",
            List.of(),
            "SERUM_PLASMA",
            "mmol/L",
            OptionalDouble.empty(),
            OptionalDouble.of(2.0),
            OptionalDouble.of(5.0));

    private Fixtures() {}

    static RangeRevision range(
            String id,
            String analyte,
            String source,
            RangeCategory category,
            Interval interval,
            String unit,
            Population population) {
        return new RangeRevision(
                id,
                1,
                analyte,
                source,
                category,
                interval,
                unit,
                population,
                true,
                SEED_DATE,
                Optional.empty(),
                Optional.empty());
    }

    static Population adults() {
        return new Population(
                Sex.ANY,
                OptionalDouble.of(18),
                OptionalDouble.empty(),
                AgeUnit.YEARS,
                Optional.empty(),
                Optional.empty());
    }

    static Population sex(Sex sex) {
        return new Population(
                sex, OptionalDouble.empty(), OptionalDouble.empty(), AgeUnit.YEARS, Optional.empty(), Optional.empty());
    }

    static AnalyteRanges serumSeed() {
        return AnalyteRanges.compile(
                SERUM,
                List.of(
                        range(
                                "quest-1",
                                "1952-1",
                                "quest",
                                RangeCategory.REFERENCE,
                                Interval.atMost(2.51),
                                "mg/L",
                                adults()),
                        range(
                                "labcorp-1",
                                "1952-1",
                                "labcorp",
                                RangeCategory.REFERENCE,
                                Interval.closed(0.6, 2.4),
                                "mg/L",
                                Population.everyone()),
                        range(
                                "mosby-1",
                                "1952-1",
                                "mosby-pagana-2022",
                                RangeCategory.REFERENCE,
                                Interval.closed(0.7, 1.8),
                                "mg/L",
                                Population.everyone())),
                7,
                UNITS);
    }

    /** Mosby's urine limit stored as the seed wrote it, 300 µg/L, to exercise range conversion. */
    static AnalyteRanges urineSeed() {
        return AnalyteRanges.compile(
                URINE,
                List.of(range(
                        "mosby-u",
                        "1953-9",
                        "mosby-pagana-2022",
                        RangeCategory.REFERENCE,
                        Interval.atMost(300),
                        "ug/L",
                        Population.everyone())),
                7,
                UNITS);
    }

    static AnalyteRanges withCv(RangeRevision... extra) {
        List<RangeRevision> all = new ArrayList<>(List.of(
                range(
                        "cv-ref",
                        "TEST-CV",
                        "labcorp",
                        RangeCategory.REFERENCE,
                        new Interval(OptionalDouble.of(1.0), true, OptionalDouble.of(2.0), false),
                        "mmol/L",
                        Population.everyone()),
                range(
                        "cv-crit",
                        "TEST-CV",
                        "labcorp",
                        RangeCategory.CRITICAL,
                        Interval.closed(0.5, 5.0),
                        "mmol/L",
                        Population.everyone()),
                range(
                        "cv-abs",
                        "TEST-CV",
                        "labcorp",
                        RangeCategory.ABSOLUTE,
                        Interval.closed(0, 100),
                        "mmol/L",
                        Population.everyone()),
                range(
                        "cv-opt",
                        "TEST-CV",
                        "labcorp",
                        RangeCategory.OPTIMAL,
                        Interval.closed(1.2, 1.6),
                        "mmol/L",
                        Population.everyone())));
        all.addAll(List.of(extra));
        return AnalyteRanges.compile(WITH_CV, all, 7, UNITS);
    }

    static LabResult result(String id, String analyte, String value, String unit) {
        return new LabResult(id, analyte, Optional.empty(), value, unit, COLLECTED, Optional.empty(), List.of());
    }

    static Patient woman(int years) {
        return new Patient(Optional.of(Sex.FEMALE), Optional.empty(), Optional.of(Period.ofYears(years)));
    }
}
