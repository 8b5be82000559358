package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PopulationTest {

    private static Population ages(Integer min, Integer max, AgeUnit unit) {
        return new Population(
                Sex.ANY, Optional.ofNullable(min), Optional.ofNullable(max), unit, Optional.empty(), Optional.empty());
    }

    @ParameterizedTest(name = "born {0}, collected {1}, [{2},{3}) {4} -> {5}")
    @CsvSource({
        // the 18th birthday is inside an adult range; the day before is not
        "2008-06-01, 2026-06-01, 18, , YEARS, true",
        "2008-06-02, 2026-06-01, 18, , YEARS, false",
        // the upper bound is exclusive
        "1961-06-01, 2026-06-01, 18, 65, YEARS, false",
        "1961-06-02, 2026-06-01, 18, 65, YEARS, true",
        // neonates in days
        "2026-05-25, 2026-06-01, 0, 7, DAYS, false",
        "2026-05-26, 2026-06-01, 0, 7, DAYS, true",
        "2026-01-01, 2026-06-01, 3, 6, MONTHS, true",
        "2026-03-02, 2026-06-01, 3, 6, MONTHS, false",
    })
    void ageIsTakenInCompletedUnitsAtTheCollectionDate(
            LocalDate born, LocalDate collected, Integer min, Integer max, AgeUnit unit, boolean expected) {
        assertEquals(expected, ages(min, max, unit).matchesAge(born, collected));
    }

    @ParameterizedTest(name = "{0} on {1} in [{2},{3}) {4} -> {5}")
    @CsvSource({
        "P45Y, 2026-06-01, 18, , YEARS, true",
        "P17Y11M, 2026-06-01, 18, , YEARS, false",
        "P6M, 2026-06-01, 3, 6, MONTHS, false",
        "P10D, 2026-06-01, 7, 30, DAYS, true",
        "P1Y, 2026-06-01, 7, 30, DAYS, false",
        // a stated month is a birth date one month back: 28 days after a common February, 31 after July
        "P1M, 2026-03-15, 0, 28, DAYS, false",
        "P1M, 2026-03-15, 28, 365, DAYS, true",
        "P1M, 2026-08-01, 31, 32, DAYS, true",
    })
    void ageGivenAsAPeriodIsMeasuredFromTheBirthDateItImplies(
            String age, LocalDate on, Integer min, Integer max, AgeUnit unit, boolean expected) {
        assertEquals(expected, ages(min, max, unit).matchesAge(Period.parse(age), on));
    }

    @ParameterizedTest(name = "range for {0}, patient {1} -> {2}")
    @CsvSource({
        "ANY, FEMALE, true",
        "ANY, MALE, true",
        "FEMALE, FEMALE, true",
        "FEMALE, MALE, false",
        "MALE, FEMALE, false"
    })
    void sexMatchesItselfOrAny(Sex range, Sex patient, boolean expected) {
        Population population = new Population(
                range, Optional.empty(), Optional.empty(), AgeUnit.YEARS, Optional.empty(), Optional.empty());
        assertEquals(expected, population.matchesSex(patient));
    }

    @ParameterizedTest(name = "[{0},{1}) -> {2} errors")
    @CsvSource({"0, 18, 0", ", , 0", "-1, , 1", "5, 5, 1", "65, 18, 1", ", 0, 1"})
    void invalidAgeIntervalsAreReported(Integer min, Integer max, int errors) {
        assertEquals(
                errors, ages(min, max, AgeUnit.YEARS).validate("population.").size());
    }
}
