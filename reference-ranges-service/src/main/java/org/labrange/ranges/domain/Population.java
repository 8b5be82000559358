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
     * Whether an age given as a period (e.g. P45Y) is inside the interval. A period cannot be turned into
     * days exactly, so for day-based intervals it uses the period's days only when it has no years or months.
     */
    public boolean matchesAge(Period age) {
        if (ageMin.isEmpty() && ageMax.isEmpty()) {
            return true;
        }
        Period normalized = age.normalized();
        long value = switch (ageUnit) {
            case YEARS -> normalized.getYears();
            case MONTHS -> normalized.toTotalMonths();
            case DAYS -> normalized.toTotalMonths() == 0 ? normalized.getDays() : Long.MAX_VALUE;
        };
        return inside(value);
    }

    /** Whether the interval says anything about age at all. */
    public boolean hasAgeLimits() {
        return ageMin.isPresent() || ageMax.isPresent();
    }

    private boolean inside(long age) {
        return ageMin.map(min -> age >= min).orElse(true)
                && ageMax.map(max -> age < max).orElse(true);
    }
}
