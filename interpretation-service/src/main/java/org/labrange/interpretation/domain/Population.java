package org.labrange.interpretation.domain;

import java.util.Optional;
import java.util.OptionalDouble;

/** Who a range applies to: sex, age interval [ageMin, ageMax) in ageUnit, optional condition and method. */
public record Population(
        Sex sex,
        OptionalDouble ageMin,
        OptionalDouble ageMax,
        AgeUnit ageUnit,
        Optional<String> condition,
        Optional<String> method) {

    public static Population everyone() {
        return new Population(
                Sex.ANY,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                AgeUnit.YEARS,
                Optional.empty(),
                Optional.empty());
    }

    public boolean hasAgeLimits() {
        return ageMin.isPresent() || ageMax.isPresent();
    }

    /** How many population criteria narrow this range; more is more specific. */
    public int specificity() {
        int score = 0;
        if (sex != Sex.ANY) {
            score++;
        }
        if (hasAgeLimits()) {
            score++;
        }
        if (method.isPresent()) {
            score++;
        }
        return score;
    }

    public String describeAge() {
        String min = ageMin.isPresent() ? Numbers.plain(ageMin.getAsDouble()) : "0";
        String max = ageMax.isPresent() ? Numbers.plain(ageMax.getAsDouble()) : "∞";
        return "age " + min + "–" + max + " " + ageUnit.label() + " (upper limit exclusive)";
    }
}
