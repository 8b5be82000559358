package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of unit conversion, interval placement and value parsing, checked on generated inputs.
 * The generators are seeded, so a failure names a case that reproduces on every run.
 */
class UnitAndIntervalPropertiesTest {

    private static final int TRIES = 1000;
    private static final UnitConverter UNITS = UnitConverter.fromBundledEssence();
    private static final List<String> B2M_UNITS = List.of(
            "mg/L", "mcg/mL", "µg/mL", "μg/mL", "ug/mL", "mcg/L", "µg/L", "ug/L", "ng/mL", "nmol/L", "umol/L", "mg/dL",
            "g/L");

    private final Random random = new Random(20261125L);

    private static Analyte b2m(String unit) {
        return new Analyte(
                "1952-1",
                "B2M",
                List.of(),
                "SERUM_PLASMA",
                unit,
                OptionalDouble.of(11800),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    private String unit() {
        return B2M_UNITS.get(random.nextInt(B2M_UNITS.size()));
    }

    private double between(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    @Test
    void convertingToAnotherUnitAndBackGivesTheValue() {
        for (int i = 0; i < TRIES; i++) {
            String from = unit();
            String to = unit();
            double value = Math.round(between(0.0001, 100000) * 1e6) / 1e6;
            double there = value * UNITS.factor(from, b2m(to)).factor();
            double back = there * UNITS.factor(to, b2m(from)).factor();
            assertEquals(value, back, Math.abs(value) * 1e-11, from + " -> " + to + " -> " + from + " of " + value);
        }
    }

    @Test
    void conversionFactorsCompose() {
        for (String a : B2M_UNITS) {
            for (String b : B2M_UNITS) {
                for (String c : B2M_UNITS) {
                    double direct = UNITS.factor(a, b2m(c)).factor();
                    double viaB = UNITS.factor(a, b2m(b)).factor()
                            * UNITS.factor(b, b2m(c)).factor();
                    assertEquals(direct, viaB, Math.abs(direct) * 1e-11, a + " -> " + b + " -> " + c);
                }
            }
        }
    }

    @Test
    void everyValueHasExactlyOnePlacement() {
        for (int t = 0; t < TRIES; t++) {
            double low = between(-10, 10);
            double width = between(0, 10);
            boolean lowInclusive = random.nextBoolean();
            boolean highInclusive = random.nextBoolean();
            // half the values land exactly on a bound, where off-by-one mistakes live
            double v = switch (random.nextInt(4)) {
                case 0 -> low;
                case 1 -> low + width + 0.001;
                default -> between(-30, 30);
            };
            Interval i = new Interval(
                    OptionalDouble.of(low), lowInclusive, OptionalDouble.of(low + width + 0.001), highInclusive);
            int count = (i.isBelow(v) ? 1 : 0) + (i.isAbove(v) ? 1 : 0) + (i.contains(v) ? 1 : 0);
            assertEquals(1, count, i.describe() + " at " + v);
        }
    }

    @Test
    void aCensoredValueIsPlacedOnlyWhereEveryValueItStandsForIsPlaced() {
        for (int t = 0; t < 300; t++) {
            double low = between(0, 5);
            double width = between(0.01, 5);
            boolean lowInclusive = random.nextBoolean();
            boolean highInclusive = random.nextBoolean();
            Comparator comparator = Comparator.values()[random.nextInt(Comparator.values().length)];
            double limit = random.nextInt(3) == 0 ? low : between(-2, 12);
            Interval i =
                    new Interval(OptionalDouble.of(low), lowInclusive, OptionalDouble.of(low + width), highInclusive);
            Optional<Interval.Placement> placement = i.place(new MeasuredValue(Optional.of(comparator), limit));
            if (placement.isEmpty()) {
                continue;
            }
            // sample values the censored result could stand for, including the limit when it is included
            double step = 0.0005;
            for (int k = 0; k < 200; k++) {
                double v = switch (comparator) {
                    case LT -> limit - step * (k + 1);
                    case LE -> limit - step * k;
                    case GT -> limit + step * (k + 1);
                    case GE -> limit + step * k;
                };
                assertEquals(
                        placement.get(), i.place(v), comparator + " " + limit + " vs " + i.describe() + " at " + v);
            }
        }
    }

    @Test
    void scalingAnIntervalKeepsEachValuesPlacement() {
        for (int t = 0; t < TRIES; t++) {
            double low = between(0, 5);
            double width = between(0.01, 5);
            double v = between(-1, 11);
            // bounds are decimals as a person writes them (0.06 + 0.57 is 0.63, not 0.6299999999999999)
            Interval i = Interval.closed(low, Numbers.roundSignificant(low + width));
            Interval inMicrograms = i.scaled(1000);
            assertEquals(i.place(v), inMicrograms.place(Numbers.roundSignificant(v * 1000)), i.describe() + " at " + v);
        }
    }

    @Test
    void parsingArbitraryTextEitherGivesAFiniteValueOrSaysWhy() {
        String alphabet = "0123456789.-+eE<>=≤≥ ,NaInfinity\u0000\u200b٣１";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                MeasuredValue value = MeasuredValue.parse(text.toString());
                assertTrue(Double.isFinite(value.value()), "'" + text + "' parsed to " + value.value());
            } catch (IllegalArgumentException expected) {
                assertTrue(
                        expected.getMessage() != null && !expected.getMessage().isBlank(),
                        "no reason for '" + text + "'");
            }
        }
    }
}
