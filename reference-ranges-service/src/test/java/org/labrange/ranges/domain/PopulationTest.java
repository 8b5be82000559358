package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "[{0},{1}) -> first error on {2}")
    @CsvSource({"-1, , p.ageMin", ", 0, p.ageMax", "5, 5, p.ageMax", "6, 5, p.ageMax"})
    void eachInvalidAgeIntervalNamesTheFieldWithThePrefix(Integer min, Integer max, String field) {
        var errors = ages(min, max, AgeUnit.YEARS).validate("p.");
        assertEquals(field, errors.get(0).field(), errors.toString());
    }

    @ParameterizedTest(name = "[{0},{1}) is valid")
    @CsvSource({"0, 1", "0, ", ", 1", "17, 18"})
    void smallestValidAgeBoundsAreAccepted(Integer min, Integer max) {
        assertTrue(ages(min, max, AgeUnit.DAYS).validate("").isEmpty());
    }

    @ParameterizedTest(name = "born {0}, [{1},{2}) DAYS on 2026-06-01 -> {3}")
    @CsvSource({
        // 2026-05-25 is 7 days before: the lower bound 7 is inside, the upper bound 7 is not
        "2026-05-25, 7, 8, true",
        "2026-05-26, 7, 8, false",
        "2026-05-25, 6, 7, false",
        "2026-05-26, 6, 7, true",
    })
    void dayBoundsAreIncludedBelowAndExcludedAbove(LocalDate born, Integer min, Integer max, boolean expected) {
        assertEquals(expected, ages(min, max, AgeUnit.DAYS).matchesAge(born, LocalDate.of(2026, 6, 1)));
    }

    @Test
    void withoutAgeBoundsEveryAgeMatches() {
        assertTrue(ages(null, null, AgeUnit.DAYS).matchesAge(LocalDate.of(1900, 1, 1), LocalDate.of(2026, 1, 1)));
        assertTrue(ages(null, null, AgeUnit.YEARS).matchesAge(Period.ZERO, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void everyoneIsAnySexAnyAgeInYearsWithoutConditionOrMethod() {
        Population everyone = Population.everyone();
        assertEquals(Sex.ANY, everyone.sex());
        assertTrue(everyone.ageMin().isEmpty());
        assertTrue(everyone.ageMax().isEmpty());
        assertEquals(AgeUnit.YEARS, everyone.ageUnit());
        assertTrue(everyone.condition().isEmpty());
        assertTrue(everyone.method().isEmpty());
    }

    @Test
    void blankConditionAndMethodAreAbsentAndOthersAreTrimmed() {
        Population p =
                new Population(Sex.FEMALE, null, null, AgeUnit.MONTHS, Optional.of("  pregnant "), Optional.of("   "));
        assertEquals(Optional.of("pregnant"), p.condition());
        assertTrue(p.method().isEmpty());
        Population blankCondition =
                new Population(Sex.ANY, null, null, AgeUnit.YEARS, Optional.of(" \t "), Optional.of(" HPLC "));
        assertTrue(blankCondition.condition().isEmpty());
        assertEquals(Optional.of("HPLC"), blankCondition.method());
        assertTrue(p.ageMin().isEmpty());
        assertTrue(p.ageMax().isEmpty());
        assertEquals(
                new Population(Sex.FEMALE, null, null, AgeUnit.MONTHS, null, null),
                new Population(
                        Sex.FEMALE,
                        Optional.empty(),
                        Optional.empty(),
                        AgeUnit.MONTHS,
                        Optional.empty(),
                        Optional.of("")));
    }

    @Test
    void sexAndAgeUnitAreRequired() {
        assertThrows(NullPointerException.class, () -> new Population(null, null, null, AgeUnit.YEARS, null, null));
        assertThrows(NullPointerException.class, () -> new Population(Sex.ANY, null, null, null, null, null));
    }
}
