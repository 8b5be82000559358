package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientTest {

    private static final LocalDate COLLECTED = LocalDate.of(2026, 11, 20);

    private static Population adults(Sex sex) {
        return new Population(
                sex, Optional.of(18), Optional.empty(), AgeUnit.YEARS, Optional.empty(), Optional.empty());
    }

    @Test
    void bornOnTheCollectionDayIsAcceptedAndBornTheDayAfterIsRefusedNamingBirthDate() {
        assertDoesNotThrow(
                () -> new Patient(Optional.empty(), Optional.of(COLLECTED), Optional.empty()).requireBornBy(COLLECTED));
        Patient unborn = new Patient(Optional.empty(), Optional.of(COLLECTED.plusDays(1)), Optional.empty());
        DomainException.Invalid refused =
                assertThrows(DomainException.Invalid.class, () -> unborn.requireBornBy(COLLECTED));
        assertEquals("birthDate", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("2026-11-21"), refused.getMessage());
    }

    @Test
    void birthDateAfterCollectionIsRefusedEvenByARangeWithoutAgeLimits() {
        Patient unborn = new Patient(Optional.empty(), Optional.of(COLLECTED.plusDays(1)), Optional.empty());
        assertThrows(DomainException.Invalid.class, () -> Population.everyone().appliesTo(unborn, COLLECTED));
    }

    @Test
    void aPatientKnownByNothingMatchesEveryPopulation() {
        assertTrue(adults(Sex.FEMALE).appliesTo(Patient.unknown(), COLLECTED));
        assertTrue(Population.everyone().appliesTo(Patient.unknown(), COLLECTED));
    }

    @Test
    void sexAloneDecidesWhenTheAgeIsUnknown() {
        Patient male = new Patient(Optional.of(Sex.MALE), Optional.empty(), Optional.empty());
        assertFalse(adults(Sex.FEMALE).appliesTo(male, COLLECTED));
        assertTrue(adults(Sex.MALE).appliesTo(male, COLLECTED));
        assertTrue(adults(Sex.ANY).appliesTo(male, COLLECTED));
    }

    @Test
    void wrongSexIsRefusedEvenAtAMatchingAge() {
        Patient man = new Patient(Optional.of(Sex.MALE), Optional.of(LocalDate.of(1970, 1, 1)), Optional.empty());
        assertFalse(adults(Sex.FEMALE).appliesTo(man, COLLECTED));
        assertTrue(adults(Sex.MALE).appliesTo(man, COLLECTED));
    }

    @Test
    void statedAgeAloneDecidesTheAge() {
        Patient child = new Patient(Optional.empty(), Optional.empty(), Optional.of(Period.ofYears(10)));
        Patient adult = new Patient(Optional.empty(), Optional.empty(), Optional.of(Period.ofYears(18)));
        assertFalse(adults(Sex.ANY).appliesTo(child, COLLECTED));
        assertTrue(adults(Sex.ANY).appliesTo(adult, COLLECTED));
    }

    @Test
    void birthDateWinsOverAStatedAgeBothWays() {
        Patient bornAdultSaidChild =
                new Patient(Optional.empty(), Optional.of(LocalDate.of(1970, 1, 1)), Optional.of(Period.ofYears(5)));
        Patient bornChildSaidAdult =
                new Patient(Optional.empty(), Optional.of(LocalDate.of(2020, 1, 1)), Optional.of(Period.ofYears(50)));
        assertTrue(adults(Sex.ANY).appliesTo(bornAdultSaidChild, COLLECTED));
        assertFalse(adults(Sex.ANY).appliesTo(bornChildSaidAdult, COLLECTED));
    }
}
