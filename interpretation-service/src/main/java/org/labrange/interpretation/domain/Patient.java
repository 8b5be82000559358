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
     * Age on {@code date}: from the birth date when known, else the stated age (taken as the age at
     * collection). Throws IllegalArgumentException when the birth date is after the date.
     */
    public Optional<PatientAge> ageOn(LocalDate date) {
        if (birthDate.isPresent()) {
            LocalDate born = birthDate.get();
            if (born.isAfter(date)) {
                throw new IllegalArgumentException("birth date " + born + " is after the collection date " + date);
            }
            Period p = Period.between(born, date);
            return Optional.of(
                    new PatientAge(ChronoUnit.DAYS.between(born, date), p.toTotalMonths(), p.getYears(), true));
        }
        return age.map(p -> {
            long months = p.toTotalMonths();
            long days = Math.round(months * 30.436875) + p.getDays();
            return new PatientAge(days, months, months / 12, false);
        });
    }
}
