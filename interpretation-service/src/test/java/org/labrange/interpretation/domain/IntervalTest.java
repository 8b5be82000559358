package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalTest {

    private static Interval interval(String low, boolean lowInc, String high, boolean highInc) {
        return new Interval(
                low.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(low)),
                lowInc,
                high.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(high)),
                highInc);
    }

    @ParameterizedTest(name = "{4} against {0}{1}..{2}{3} is {5}")
    @CsvSource({
        // low, lowInclusive, high, highInclusive, value, placement
        "0.6, true, 2.4, true, 0.6, WITHIN", // on an inclusive low bound
        "0.6, false, 2.4, true, 0.6, BELOW", // on an exclusive low bound
        "0.6, true, 2.4, true, 2.4, WITHIN", // on an inclusive high bound
        "0.6, true, 2.4, false, 2.4, ABOVE", // on an exclusive high bound
        "0.6, true, 2.4, true, 0.59999, BELOW",
        "0.6, true, 2.4, true, 2.40001, ABOVE",
        "0.6, true, 2.4, true, 1.5, WITHIN",
        "'', true, 2.51, true, 0, WITHIN", // one-sided: no lower limit
        "'', true, 2.51, true, 2.51, WITHIN",
        "'', true, 2.51, false, 2.51, ABOVE",
        "'', true, 2.51, true, -5, WITHIN",
        "0.3, true, '', true, 1000, WITHIN", // one-sided: no upper limit
        "0.3, false, '', true, 0.3, BELOW",
    })
    void exactValuesArePlacedRespectingInclusiveAndExclusiveBounds(
            String low, boolean lowInc, String high, boolean highInc, double value, Interval.Placement expected) {
        assertEquals(expected, interval(low, lowInc, high, highInc).place(value));
    }

    @ParameterizedTest(name = "{4}{5} against {0}{1}..{2}{3} is {6}")
    @CsvSource({
        // low, lowInc, high, highInc, comparator, limit, placement (NONE = cannot be placed)
        "0.6, true, 2.4, true, <, 0.2, BELOW",
        "0.6, true, 2.4, true, <, 0.6, BELOW", // every value < 0.6 is below an inclusive 0.6
        "0.6, true, 2.4, true, <=, 0.6, NONE", // 0.6 itself would be within
        "0.6, false, 2.4, true, <=, 0.6, BELOW", // 0.6 is below an exclusive 0.6
        "0.6, true, 2.4, true, <, 1.0, NONE",
        "'', true, 2.51, true, <, 0.2, WITHIN", // no lower limit: any small value is normal
        "'', true, 2.51, true, <=, 2.51, WITHIN",
        "'', true, 2.51, false, <=, 2.51, NONE",
        "'', true, 2.51, true, <, 3, NONE",
        "0.6, true, 2.4, true, >, 100, ABOVE",
        "0.6, true, 2.4, true, >, 2.4, ABOVE",
        "0.6, true, 2.4, true, >=, 2.4, NONE",
        "0.6, true, 2.4, false, >=, 2.4, ABOVE",
        "0.6, true, 2.4, true, >, 2.0, NONE",
        "0.3, true, '', true, >, 0.5, WITHIN",
        "0.3, true, '', true, >=, 0.3, WITHIN",
        "0.3, false, '', true, >=, 0.3, NONE",
    })
    void censoredValuesArePlacedOnlyWhenEveryPossibleValueFallsOnOneSide(
            String low,
            boolean lowInc,
            String high,
            boolean highInc,
            String comparator,
            double limit,
            String expected) {
        MeasuredValue value = MeasuredValue.parse(comparator + limit);
        Optional<Interval.Placement> placement =
                interval(low, lowInc, high, highInc).place(value);
        assertEquals(expected, placement.map(Enum::name).orElse("NONE"));
    }

    @ParameterizedTest
    @CsvSource({
        "0.6, true, 2.4, true, 0.6–2.4",
        "'', true, 2.51, true, ≤ 2.51",
        "'', true, 2.51, false, < 2.51",
        "0.3, false, '', true, > 0.3",
        "0.6, false, 2.4, true, > 0.6 and ≤ 2.4",
    })
    void intervalsDescribeThemselvesWithTheirBoundTypes(
            String low, boolean lowInc, String high, boolean highInc, String text) {
        assertEquals(text, interval(low, lowInc, high, highInc).describe());
    }

    @ParameterizedTest
    @CsvSource({"2.4, true, 0.6, true", "1, true, 1, false", "1, false, 1, true"})
    void anEmptyIntervalIsRefused(String low, boolean lowInc, String high, boolean highInc) {
        assertThrows(IllegalArgumentException.class, () -> interval(low, lowInc, high, highInc));
    }
}
