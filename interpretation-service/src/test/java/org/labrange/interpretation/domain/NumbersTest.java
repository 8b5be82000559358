package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2.4000000000000004, 2.4",
        "-2.4000000000000004, -2.4",
        "0.30000000000000004, 0.3",
        "123456789012.345, 123456789012",
        "1234567890123456, 1234567890120000",
        "-1234567890123456, -1234567890120000",
        "1.23456789012345E30, 1.23456789012E30",
        "1.23456789012345E-30, 1.23456789012E-30",
        "1.23456789012345E34, 1.23456789012E34",
        "1.23456789012345E33, 1.23456789012E33",
        "1.23456789012345E-12, 1.23456789012E-12",
        "1.23456789012345E-11, 1.23456789012E-11",
        "9.99999999999999, 10",
        "0.000123456789012345, 0.000123456789012",
        "1, 1",
        "0, 0",
    })
    void conversionResultsKeepTwelveSignificantDigits(double input, double expected) {
        assertEquals(expected, Numbers.roundSignificant(input));
    }

    @Test
    void nonFiniteValuesAreLeftAsTheyAre() {
        assertEquals(Double.NaN, Numbers.roundSignificant(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.roundSignificant(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, Numbers.roundSignificant(Double.NEGATIVE_INFINITY));
        assertEquals(Double.NaN, Numbers.round(Double.NaN, 2));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.round(Double.POSITIVE_INFINITY, 2));
    }

    @ParameterizedTest(name = "{0} to {1} decimals → {2}")
    @CsvSource({
        "2.5, 0, 3",
        "-2.5, 0, -3",
        "1.25, 1, 1.3",
        "-1.25, 1, -1.3",
        "150.0, 3, 150",
        "36.3636363, 2, 36.36",
        "0.0049, 2, 0",
        "0.125, 2, 0.13",
        "1000000000000, 0, 1000000000000",
        "1000000000000.4, 0, 1000000000000.4",
        "2.345678, 23, 2.345678",
        "2.345678, -1, 2.345678",
    })
    void shownNumbersRoundHalfAwayFromZero(double input, int decimals, double expected) {
        assertEquals(expected, Numbers.round(input, decimals));
    }

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource({
        "2.4, 2.4",
        "300.0, 300",
        "0.0, 0",
        "0.0000001, 0.0000001",
        "-2.50, -2.5",
        "1.0E20, 100000000000000000000"
    })
    void plainNumbersHaveNoTrailingZerosAndNoExponent(double input, String expected) {
        assertEquals(expected, Numbers.plain(input));
    }
}
