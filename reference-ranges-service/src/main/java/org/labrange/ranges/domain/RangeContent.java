package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an admin writes for one revision: the bounds, their unit, the population and a note. */
public record RangeContent(
        Optional<BigDecimal> low,
        boolean lowInclusive,
        Optional<BigDecimal> high,
        boolean highInclusive,
        String unit,
        Population population,
        Optional<String> note) {

    public RangeContent {
        low = Objects.requireNonNullElse(low, Optional.empty());
        high = Objects.requireNonNullElse(high, Optional.empty());
        note = Objects.requireNonNullElse(note, Optional.<String>empty())
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** Checks the rules that do not need the database; the database checks them again. */
    public List<FieldError> validate(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        checkBound(low, prefix + "low", errors);
        checkBound(high, prefix + "high", errors);
        if (low.isEmpty() && high.isEmpty()) {
            errors.add(new FieldError(prefix + "low", "a range needs a low bound, a high bound or both"));
        }
        if (low.isPresent() && high.isPresent()) {
            int order = low.get().compareTo(high.get());
            if (order > 0) {
                errors.add(new FieldError(prefix + "low", "must not be greater than high"));
            } else if (order == 0 && !(lowInclusive && highInclusive)) {
                errors.add(new FieldError(prefix + "low", "equals high, so both bounds must be inclusive"));
            }
        }
        if (unit == null || unit.isBlank()) {
            errors.add(new FieldError(prefix + "unit", "is required (a UCUM code such as mg/L)"));
        }
        if (population == null) {
            errors.add(new FieldError(prefix + "population", "is required"));
        } else {
            errors.addAll(population.validate(prefix + "population."));
        }
        return errors;
    }

    /** Largest bound accepted: no concentration in any supported unit comes near it. */
    static final BigDecimal MAX_BOUND = new BigDecimal("1000000000");

    private static void checkBound(Optional<BigDecimal> bound, String field, List<FieldError> errors) {
        bound.ifPresent(value -> {
            if (value.signum() < 0) {
                errors.add(new FieldError(field, "must not be negative (a concentration)"));
            } else if (value.compareTo(MAX_BOUND) >= 0) {
                errors.add(new FieldError(field, "must be below " + MAX_BOUND.toPlainString()));
            } else if (value.stripTrailingZeros().scale() > 12) {
                errors.add(new FieldError(field, "has more than 12 decimal places"));
            }
        });
    }

    /** Same bounds, unit, population and note: writing it again would change nothing. */
    public boolean sameAs(RangeContent other) {
        return sameNumber(low, other.low)
                && sameNumber(high, other.high)
                && lowInclusive == other.lowInclusive
                && highInclusive == other.highInclusive
                && unit.equals(other.unit)
                && population.equals(other.population)
                && note.equals(other.note);
    }

    private static boolean sameNumber(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
    }
}
