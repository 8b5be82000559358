package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientTest {

    private static Patient stated(String period) {
        return new Patient(Optional.of(Sex.FEMALE), Optional.empty(), Optional.of(Period.parse(period)));
    }

    @ParameterizedTest(name = "{0} collected {1}: {2} days, {3} months, {4} years")
    @CsvSource({
        "P1M,  2026-03-15, 28, 1, 0",
        "P1M,  2024-03-15, 29, 1, 0",
        "P1M,  2025-05-01, 30, 1, 0",
        "P1M,  2025-08-01, 31, 1, 0",
        "P0D,  2026-11-20, 0,  0, 0",
        "P10D, 2026-11-20, 10, 0, 0",
        "P56Y, 2026-11-20, 20454, 672, 56",
    })
    void statedAgeMeansBornExactlyThatLongBeforeCollectionWithNothingEstimated(
            String period, LocalDate collectedOn, long days, long months, long years) {
        assertEquals(
                Optional.of(new PatientAge(days, months, years)), stated(period).ageOn(collectedOn));
    }

    @ParameterizedTest(name = "born {0}, collected {1}: {2} years")
    @CsvSource({"2024-02-29, 2025-02-28, 0", "2024-02-29, 2025-03-01, 1", "1970-05-01, 2026-11-20, 56"})
    void birthDateGivesCompletedYearsAtCollection(LocalDate born, LocalDate collectedOn, long years) {
        Patient patient = new Patient(Optional.empty(), Optional.of(born), Optional.empty());
        assertEquals(years, patient.ageOn(collectedOn).orElseThrow().years());
    }

    @ParameterizedTest(name = "born {0} and stated {1}: the birth date wins")
    @CsvSource({"1950-01-01, P20Y", "2026-11-01, P5Y"})
    void birthDateWinsOverAStatedAge(LocalDate born, String period) {
        Patient both = new Patient(Optional.empty(), Optional.of(born), Optional.of(Period.parse(period)));
        Patient bornOnly = new Patient(Optional.empty(), Optional.of(born), Optional.empty());
        LocalDate collectedOn = LocalDate.parse("2026-11-20");
        assertEquals(bornOnly.ageOn(collectedOn), both.ageOn(collectedOn));
    }

    @Test
    void birthAfterCollectionIsBadInput() {
        Patient patient = new Patient(Optional.empty(), Optional.of(LocalDate.parse("2026-11-21")), Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> patient.ageOn(LocalDate.parse("2026-11-20")));
    }

    @Test
    void noBirthDateAndNoAgeMeansAgeUnknown() {
        assertEquals(Optional.empty(), Patient.unknown().ageOn(LocalDate.parse("2026-11-20")));
    }
}
