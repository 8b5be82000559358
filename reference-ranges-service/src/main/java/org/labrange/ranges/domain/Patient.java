package org.labrange.ranges.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * What is known of the patient a sample was collected from: sex, birth date, an age stated as a period, or
 * none of these. A stated age means the patient was born exactly that period before the collection date.
 */
public record Patient(Optional<Sex> sex, Optional<LocalDate> birthDate, Optional<Period> statedAge) {

    public static Patient unknown() {
        return new Patient(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Refuses a birth date after the collection date {@code collectedOn}: no age can be measured from it.
     *
     * @throws DomainException.Invalid if the birth date is after the collection date
     */
    public void requireBornBy(LocalDate collectedOn) {
        birthDate.filter(b -> b.isAfter(collectedOn)).ifPresent(b -> {
            throw new DomainException.Invalid(
                    "birthDate",
                    "'" + b + "' is after the collection date " + collectedOn
                            + " (effectiveOn); a patient cannot be born after the sample was taken");
        });
    }
}
