package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoincTest {

    @ParameterizedTest
    @ValueSource(strings = {"1952-1", "1953-9", "2345-7", "14749-6", "1920-8", "6690-2", "2160-0", "10873-8"})
    void publishedCodesPassTheirCheckDigit(String code) {
        assertTrue(
                Loinc.invalid(code).isEmpty(),
                () -> code + ": " + Loinc.invalid(code).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1952-2", "1953-1", "2345-8", "14749-5"})
    void aMistypedCheckDigitIsRefusedSayingWhichDigitWasExpected(String code) {
        String reason = Loinc.invalid(code).orElseThrow();
        assertTrue(reason.contains("check digit"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"B2M", "1952", "1952-", "-1", "12345678-9", "1952-12", " 1952-1", "1952_1"})
    void somethingShapedOtherwiseIsNotALoincCode(String code) {
        assertTrue(Loinc.invalid(code).orElseThrow().contains("must look like a LOINC code"));
    }

    @ParameterizedTest
    @CsvSource({"1952, 1", "1953, 9", "0, 0", "5, 9", "59, 6"})
    void checkDigitDoublesEveryOtherDigitFromTheRight(String number, int expected) {
        assertEquals(expected, Loinc.checkDigit(number));
    }
}
