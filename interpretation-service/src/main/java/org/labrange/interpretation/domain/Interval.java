package org.labrange.interpretation.domain;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A range of values with optional, individually inclusive or exclusive bounds. A missing bound means no limit
 * on that side.
 */
public record Interval(OptionalDouble low, boolean lowInclusive, OptionalDouble high, boolean highInclusive) {

    /** Where a value, or every value a censored result could have, lies relative to the interval. */
    public enum Placement {
        BELOW,
        WITHIN,
        ABOVE
    }

    public Interval {
        if (low.isPresent() && high.isPresent()) {
            double l = low.getAsDouble();
            double h = high.getAsDouble();
            if (l > h || (l == h && !(lowInclusive && highInclusive))) {
                throw new IllegalArgumentException("empty interval: low " + l + " high " + h);
            }
        }
    }

    public static Interval closed(double low, double high) {
        return new Interval(OptionalDouble.of(low), true, OptionalDouble.of(high), true);
    }

    public static Interval atMost(double high) {
        return new Interval(OptionalDouble.empty(), true, OptionalDouble.of(high), true);
    }

    public boolean isUnbounded() {
        return low.isEmpty() && high.isEmpty();
    }

    public boolean isBelow(double v) {
        if (low.isEmpty()) {
            return false;
        }
        double l = low.getAsDouble();
        return lowInclusive ? v < l : v <= l;
    }

    public boolean isAbove(double v) {
        if (high.isEmpty()) {
            return false;
        }
        double h = high.getAsDouble();
        return highInclusive ? v > h : v >= h;
    }

    public boolean contains(double v) {
        return !isBelow(v) && !isAbove(v);
    }

    public Placement place(double v) {
        if (isBelow(v)) {
            return Placement.BELOW;
        }
        return isAbove(v) ? Placement.ABOVE : Placement.WITHIN;
    }

    /**
     * Places a measured value. An exact value always has a placement; a censored one only when every value it
     * could stand for falls on the same side (e.g. {@code <0.2} is below a range starting at 0.6).
     */
    public Optional<Placement> place(MeasuredValue value) {
        if (value.comparator().isEmpty()) {
            return Optional.of(place(value.value()));
        }
        Comparator c = value.comparator().get();
        double x = value.value();
        if (c.isUpperLimit()) {
            boolean xIncluded = c == Comparator.LE;
            // every possible value is below the lower bound?
            if (low.isPresent()) {
                double l = low.getAsDouble();
                boolean allBelow = lowInclusive ? (x < l || (x == l && !xIncluded)) : x <= l;
                return allBelow ? Optional.of(Placement.BELOW) : Optional.empty();
            }
            // no lower bound: the whole half-line is within if it does not reach past the upper bound
            if (high.isEmpty()) {
                return Optional.of(Placement.WITHIN);
            }
            double h = high.getAsDouble();
            boolean allWithin = highInclusive ? x <= h : (x < h || (x == h && !xIncluded));
            return allWithin ? Optional.of(Placement.WITHIN) : Optional.empty();
        }
        boolean xIncluded = c == Comparator.GE;
        if (high.isPresent()) {
            double h = high.getAsDouble();
            boolean allAbove = highInclusive ? (x > h || (x == h && !xIncluded)) : x >= h;
            return allAbove ? Optional.of(Placement.ABOVE) : Optional.empty();
        }
        if (low.isEmpty()) {
            return Optional.of(Placement.WITHIN);
        }
        double l = low.getAsDouble();
        boolean allWithin = lowInclusive ? x >= l : (x > l || (x == l && !xIncluded));
        return allWithin ? Optional.of(Placement.WITHIN) : Optional.empty();
    }

    /** The same interval in another unit; factor must be positive. */
    public Interval scaled(double factor) {
        return new Interval(scale(low, factor), lowInclusive, scale(high, factor), highInclusive);
    }

    private static OptionalDouble scale(OptionalDouble bound, double factor) {
        return bound.isPresent()
                ? OptionalDouble.of(Numbers.roundSignificant(bound.getAsDouble() * factor))
                : OptionalDouble.empty();
    }

    /** Width used to prefer the narrower of two ranges; a one-sided range is infinitely wide. */
    public double width() {
        if (low.isEmpty() || high.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        // rounded so that 2.2 − 1.0 and 2.0 − 0.8 count as equally wide
        return Numbers.roundSignificant(high.getAsDouble() - low.getAsDouble());
    }

    /** Human-readable form, e.g. "0.6–2.4", "≤ 2.51", "> 0.6 and < 2.4". */
    public String describe() {
        if (low.isEmpty() && high.isEmpty()) {
            return "any value";
        }
        if (low.isEmpty()) {
            return (highInclusive ? "≤ " : "< ") + Numbers.plain(high.getAsDouble());
        }
        if (high.isEmpty()) {
            return (lowInclusive ? "≥ " : "> ") + Numbers.plain(low.getAsDouble());
        }
        if (lowInclusive && highInclusive) {
            return Numbers.plain(low.getAsDouble()) + "–" + Numbers.plain(high.getAsDouble());
        }
        return (lowInclusive ? "≥ " : "> ") + Numbers.plain(low.getAsDouble()) + " and " + (highInclusive ? "≤ " : "< ")
                + Numbers.plain(high.getAsDouble());
    }
}
