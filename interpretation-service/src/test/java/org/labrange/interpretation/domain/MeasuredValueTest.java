package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasuredValueTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2.45 | NONE | 2.45",
                "' 2.45 ' | NONE | 2.45",
                "<0.2 | LT | 0.2",
                "< 0.2 | LT | 0.2",
                "<=0.2 | LE | 0.2",
                "≤0.2 | LE | 0.2",
                ">100 | GT | 100",
                ">=100 | GE | 100",
                "≥ 100 | GE | 100",
                "1e-3 | NONE | 0.001",
                "0 | NONE | 0",
                "0.000 | NONE | 0",
                "123456789012345 | NONE | 123456789012345", // 15 significant digits: the most accepted
                "0.00012345678901234500 | NONE | 0.000123456789012345",
            })
    void valuesAndCensoredValuesAreRead(String text, String comparator, double value) {
        MeasuredValue v = MeasuredValue.parse(text);
        assertEquals(comparator, v.comparator().map(Enum::name).orElse("NONE"));
        assertEquals(value, v.value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "abc",
                "<",
                "2.4.5",
                "<>3",
                "NaN",
                "Infinity",
                "1e400",
                "-1e400",
                "1e-400",
                "1e-99999999999",
                "9223372036854775808",
                "1234567890123456",
                "0x1p3",
                "2.45d",
                "1_000"
            })
    void textThatIsNotANumberIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MeasuredValue.parse(text));
    }
}
