package org.labrange.interpretation.bench;

import java.time.Instant;
import java.time.Period;
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
 * A rough single-thread throughput probe of the engine with cached ranges (not a test, no assertion):
 * {@code java -cp target/test-classes:target/classes:<deps> org.labrange.interpretation.bench.EngineThroughput}.
 * A JMH harness should replace it before anyone quotes the numbers.
 */
public final class EngineThroughput {

    private EngineThroughput() {
    }

    public static void main(String[] args) {
        UnitConverter units = UnitConverter.fromBundledEssence();
        InterpretationEngine engine = new InterpretationEngine(units,
                KnowledgeBaseLoader.fromClasspath(KnowledgeBaseLoader.DEFAULT_LOCATION), ZoneOffset.UTC);
        Analyte b2m = new Analyte("1952-1", "B2M", List.of("B2M"), "SERUM_PLASMA", "mg/L", OptionalDouble.of(11800),
                OptionalDouble.empty(), OptionalDouble.empty());
        java.time.LocalDate from = java.time.LocalDate.parse("2020-01-01");
        Population adults = new Population(Sex.ANY, OptionalDouble.of(18), OptionalDouble.empty(), AgeUnit.YEARS,
                Optional.empty(), Optional.empty());
        AnalyteRanges ranges = AnalyteRanges.compile(b2m, List.of(
                new RangeRevision("q", 1, "1952-1", "quest", RangeCategory.REFERENCE, Interval.atMost(2.51), "mg/L",
                        adults, true, from, Optional.empty(), Optional.empty()),
                new RangeRevision("l", 1, "1952-1", "labcorp", RangeCategory.REFERENCE, Interval.closed(0.6, 2.4),
                        "mg/L", Population.everyone(), true, from, Optional.empty(), Optional.empty()),
                new RangeRevision("m", 1, "1952-1", "mosby-pagana-2022", RangeCategory.REFERENCE,
                        Interval.closed(0.7, 1.8), "mg/L", Population.everyone(), true, from, Optional.empty(),
                        Optional.empty())), 7, units);
        Patient patient = new Patient(Optional.of(Sex.FEMALE), Optional.empty(), Optional.of(Period.ofYears(56)));
        String[] values = {"0.5", "1.2", "2.45", "3.1", "<0.2", ">100"};
        String[] unitsWritten = {"mg/L", "ug/mL", "ng/mL", "nmol/L"};
        List<LabResult> results = new ArrayList<>();
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 1024; i++) {
            results.add(new LabResult("r" + i, "1952-1", Optional.empty(), values[i % values.length],
                    unitsWritten[i % unitsWritten.length], at, Optional.empty(), List.of()));
        }
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                for (LabResult r : results) {
                    sink += engine.interpret(r, patient, ranges, Optional.empty()).interpretations().size();
                    n++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %.0f results/s (3 sources each)%n", round, n / seconds);
        }
        System.out.println(sink > 0 ? "done" : "?");
    }
}
