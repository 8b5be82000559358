package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The patient all results of one request belong to. Age is taken at each result's collection date. */
public record Patient(Optional<Sex> sex, Optional<LocalDate> birthDate, Optional<Period> age) {

    public static Patient unknown() {
        return new Patient(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Age on {@code date} in completed days, months and years. From the birth date when known; otherwise the
     * patient is taken to have been born exactly the stated age before {@code date} (P1M collected on 2026-03-15:
     * born 2026-02-15, so 28 days old), never estimated. Throws IllegalArgumentException when the birth date is
     * after the date.
     */
    public Optional<PatientAge> ageOn(LocalDate date) {
        Optional<LocalDate> born = birthDate.or(() -> age.map(date::minus));
        if (born.isEmpty()) {
            return Optional.empty();
        }
        if (born.get().isAfter(date)) {
            throw new IllegalArgumentException("birth date " + born.get() + " is after the collection date " + date);
        }
        return Optional.of(new PatientAge(
                ChronoUnit.DAYS.between(born.get(), date),
                ChronoUnit.MONTHS.between(born.get(), date),
                ChronoUnit.YEARS.between(born.get(), date)));
    }
}
