package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks, for one source and one category, the range revision that applies to a result: in effect on the
 * collection date, active, and matching the patient's sex, age at collection and the result's method.
 * When several apply: the most specific population first, then the narrower range, then the stricter bounds,
 * then the lowest range id, so the same question always gets the same answer.
 */
public final class RangeSelector {

    /** The chosen range and the rule that decided, or why nothing applies. */
    public record Choice(Optional<CanonicalRange> range, String rule) {}

    private static final Comparator<CanonicalRange> PREFERENCE = Comparator.comparingInt(
                    (CanonicalRange r) -> -r.revision().population().specificity())
            .thenComparingDouble(r -> r.interval().width())
            .thenComparingDouble(r -> -r.interval().low().orElse(Double.NEGATIVE_INFINITY))
            .thenComparingDouble(r -> r.interval().high().orElse(Double.POSITIVE_INFINITY))
            .thenComparing(r -> r.revision().rangeId());

    private static final String ONLY = "only applicable range";

    private RangeSelector() {}

    /**
     * @param candidates the revisions of {@code source} in {@code category} (other revisions are ignored)
     */
    public static Choice choose(
            List<CanonicalRange> candidates,
            String source,
            RangeCategory category,
            LocalDate date,
            Optional<Sex> sex,
            Optional<PatientAge> age,
            Optional<String> method) {
        List<CanonicalRange> applicable = new ArrayList<>(2);
        boolean anyOfSource = false;
        boolean anyInEffect = false;
        for (CanonicalRange r : candidates) {
            RangeRevision rev = r.revision();
            if (!rev.sourceCode().equals(source) || rev.category() != category) {
                continue;
            }
            anyOfSource = true;
            if (!rev.active() || !rev.inEffectOn(date)) {
                continue;
            }
            anyInEffect = true;
            if (mismatch(rev.population(), sex, age, method).isEmpty()) {
                applicable.add(r);
            }
        }
        if (!anyOfSource) {
            return new Choice(
                    Optional.empty(), source + " publishes no " + label(category) + " range for this analyte");
        }
        if (!anyInEffect) {
            return new Choice(
                    Optional.empty(), "no " + label(category) + " range of " + source + " in effect on " + date);
        }
        if (applicable.isEmpty()) {
            // explaining is the rare path: only now are the reasons collected
            List<String> reasons = new ArrayList<>();
            for (CanonicalRange r : candidates) {
                RangeRevision rev = r.revision();
                if (rev.sourceCode().equals(source)
                        && rev.category() == category
                        && rev.active()
                        && rev.inEffectOn(date)) {
                    mismatch(rev.population(), sex, age, method)
                            .filter(m -> !reasons.contains(m))
                            .ifPresent(reasons::add);
                }
            }
            return new Choice(
                    Optional.empty(),
                    "no " + label(category) + " range of " + source + " in effect on " + date
                            + " applies to this patient: " + String.join("; ", reasons));
        }
        if (applicable.size() == 1) {
            return new Choice(Optional.of(applicable.get(0)), ONLY);
        }
        applicable.sort(PREFERENCE);
        CanonicalRange first = applicable.get(0);
        CanonicalRange second = applicable.get(1);
        int n = applicable.size();
        String rule;
        if (first.revision().population().specificity()
                != second.revision().population().specificity()) {
            rule = "most specific population among " + n + " applicable ranges";
        } else if (first.interval().width() != second.interval().width()) {
            rule = "narrowest of " + n + " equally specific ranges";
        } else if (!first.interval().equals(second.interval())) {
            rule = "strictest bounds (highest low, then lowest high) of " + n
                    + " equally specific, equally wide ranges";
        } else {
            rule = "lowest range id of " + n + " identical ranges";
        }
        return new Choice(Optional.of(first), rule);
    }

    static Optional<String> mismatch(
            Population p, Optional<Sex> sex, Optional<PatientAge> age, Optional<String> method) {
        if (p.condition().isPresent()) {
            return Optional.of(
                    "a range for the condition '" + p.condition().get() + "' is never applied automatically");
        }
        if (p.method().isPresent()
                && !method.map(m -> m.equalsIgnoreCase(p.method().get())).orElse(false)) {
            return Optional.of("a range is for method '" + p.method().get() + "'; the result's method is "
                    + method.map(m -> "'" + m + "'").orElse("not given"));
        }
        if (p.sex() != Sex.ANY) {
            if (sex.isEmpty()) {
                return Optional.of("a range is for " + p.sex() + " patients; the patient's sex is unknown");
            }
            if (sex.get() != p.sex()) {
                return Optional.of("a range is for " + p.sex() + " patients; the patient is " + sex.get());
            }
        }
        if (p.hasAgeLimits()) {
            if (age.isEmpty()) {
                return Optional.of("a range is for " + p.describeAge() + "; the patient's age is unknown");
            }
            double a = age.get().in(p.ageUnit());
            boolean tooYoung = p.ageMin().isPresent() && a < p.ageMin().getAsDouble();
            boolean tooOld = p.ageMax().isPresent() && a >= p.ageMax().getAsDouble();
            if (tooYoung || tooOld) {
                return Optional.of("a range is for " + p.describeAge() + "; the patient is " + Numbers.plain(a) + " "
                        + p.ageUnit().label());
            }
        }
        return Optional.empty();
    }

    private static String label(RangeCategory category) {
        return category.name().toLowerCase(java.util.Locale.ROOT);
    }
}
