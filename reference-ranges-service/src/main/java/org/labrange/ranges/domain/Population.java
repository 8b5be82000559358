package org.labrange.ranges.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a range applies to. The age interval is {@code [ageMin, ageMax)} in {@code ageUnit}, measured in
 * completed units at the collection date (a patient who turns 18 on the collection day is 18).
 */
public record Population(
        Sex sex,
        Optional<Integer> ageMin,
        Optional<Integer> ageMax,
        AgeUnit ageUnit,
        Optional<String> condition,
        Optional<String> method) {

    public Population {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(ageUnit, "ageUnit");
        ageMin = Objects.requireNonNullElse(ageMin, Optional.empty());
        ageMax = Objects.requireNonNullElse(ageMax, Optional.empty());
        condition = Objects.requireNonNullElse(condition, Optional.<String>empty())
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        method = Objects.requireNonNullElse(method, Optional.<String>empty())
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    public static Population everyone() {
        return new Population(
                Sex.ANY, Optional.empty(), Optional.empty(), AgeUnit.YEARS, Optional.empty(), Optional.empty());
    }

    public List<FieldError> validate(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        ageMin.filter(v -> v < 0).ifPresent(v -> errors.add(new FieldError(prefix + "ageMin", "must not be negative")));
        ageMax.filter(v -> v <= 0).ifPresent(v -> errors.add(new FieldError(prefix + "ageMax", "must be positive")));
        if (ageMin.isPresent() && ageMax.isPresent() && ageMin.get() >= ageMax.get()) {
            errors.add(new FieldError(
                    prefix + "ageMax", "must be greater than ageMin (the interval is [ageMin, ageMax))"));
        }
        return errors;
    }

    /**
     * Whether a range for this population applies to {@code patient} on the collection date {@code on}: the
     * sex matches (see {@link #matchesSex}) and the age, measured from the birth date or derived from the
     * stated age (a birth date wins over a stated age), is inside the interval. A patient whose age is unknown
     * matches every age interval; one whose sex is unknown matches every sex.
     *
     * @throws DomainException.Invalid if the birth date is after the collection date
     */
    public boolean appliesTo(Patient patient, LocalDate on) {
        patient.requireBornBy(on);
        boolean ageMatches = patient.birthDate()
                .map(born -> matchesAge(born, on))
                .or(() -> patient.statedAge().map(age -> matchesAge(age, on)))
                .orElse(true);
        return patient.sex().map(this::matchesSex).orElse(true) && ageMatches;
    }

    /** Whether the population matches a patient of this sex; a range for ANY matches everyone. */
    public boolean matchesSex(Sex patientSex) {
        return sex == Sex.ANY || sex == patientSex;
    }

    /** Whether a patient born on {@code birthDate} is inside the age interval on {@code on}. */
    public boolean matchesAge(LocalDate birthDate, LocalDate on) {
        if (ageMin.isEmpty() && ageMax.isEmpty()) {
            return true;
        }
        long age = switch (ageUnit) {
            case DAYS -> ChronoUnit.DAYS.between(birthDate, on);
            case MONTHS -> ChronoUnit.MONTHS.between(birthDate, on);
            case YEARS -> ChronoUnit.YEARS.between(birthDate, on);
        };
        return inside(age);
    }

    /**
     * Whether a patient whose age on {@code on} is stated as a period (e.g. P45Y, P1M) is inside the interval:
     * the patient is taken to be born exactly that period before {@code on}, so nothing is estimated (P1M on
     * 2026-03-15 is 28 days old).
     */
    public boolean matchesAge(Period age, LocalDate on) {
        return matchesAge(on.minus(age), on);
    }

    private boolean inside(long age) {
        return ageMin.map(min -> age >= min).orElse(true)
                && ageMax.map(max -> age < max).orElse(true);
    }
}
