package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revisions of one source and category, grouped by range and ordered by the date each takes effect, so
 * that the revision in effect on a date is found by binary search instead of testing every revision.
 *
 * <p>The ranges service derives each revision's period so that the periods of one range never overlap; a
 * revision superseded before it ever took effect has an empty period and is left out here. Should a range's
 * periods overlap anyway (they cannot from the ranges service; a guard, not a case), that range falls back to
 * testing every revision, so the answer never depends on the shortcut.
 */
public final class RevisionPeriods {

    private static final Comparator<CanonicalRange> BY_START =
            Comparator.comparing((CanonicalRange r) -> r.revision().effectiveFrom());

    private final Range[] ranges;

    private RevisionPeriods(Range[] ranges) {
        this.ranges = ranges;
    }

    static RevisionPeriods of(List<CanonicalRange> revisions) {
        Map<String, List<CanonicalRange>> byRange = new LinkedHashMap<>();
        for (CanonicalRange r : revisions) {
            byRange.computeIfAbsent(r.revision().rangeId(), id -> new ArrayList<>())
                    .add(r);
        }
        return new RevisionPeriods(byRange.values().stream().map(Range::new).toArray(Range[]::new));
    }

    /** Every revision (of any range in this group) whose period contains {@code date}, active or not. */
    public List<CanonicalRange> inEffectOn(LocalDate date) {
        if (ranges.length == 1 && ranges[0].disjoint) {
            CanonicalRange r = ranges[0].search(date);
            return r == null ? List.of() : List.of(r);
        }
        List<CanonicalRange> out = new ArrayList<>(2);
        for (Range range : ranges) {
            range.collect(date, out);
        }
        return out;
    }

    /** The revisions of one range with a non-empty period, by start date. */
    private static final class Range {
        private final CanonicalRange[] revisions;
        private final LocalDate[] starts;
        private final boolean disjoint;
        /** Every revision in the order served; kept only when the periods are not disjoint, to be scanned. */
        private final List<CanonicalRange> served;

        Range(List<CanonicalRange> all) {
            revisions = all.stream()
                    .filter(r -> r.revision()
                            .effectiveTo()
                            .map(to -> to.isAfter(r.revision().effectiveFrom()))
                            .orElse(true))
                    .sorted(BY_START)
                    .toArray(CanonicalRange[]::new);
            starts = Arrays.stream(revisions)
                    .map(r -> r.revision().effectiveFrom())
                    .toArray(LocalDate[]::new);
            boolean ok = true;
            for (int i = 0; i + 1 < revisions.length; i++) {
                LocalDate end = revisions[i].revision().effectiveTo().orElse(LocalDate.MAX);
                if (end.isAfter(starts[i + 1])) {
                    ok = false;
                    break;
                }
            }
            disjoint = ok;
            served = ok ? List.of() : List.copyOf(all);
        }

        void collect(LocalDate date, List<CanonicalRange> out) {
            if (disjoint) {
                CanonicalRange r = search(date);
                if (r != null) {
                    out.add(r);
                }
            } else {
                for (CanonicalRange r : served) {
                    if (r.revision().inEffectOn(date)) {
                        out.add(r);
                    }
                }
            }
        }

        /** With disjoint periods: the one revision in effect on {@code date}, or null. */
        private CanonicalRange search(LocalDate date) {
            int i = Arrays.binarySearch(starts, date);
            if (i < 0) {
                i = -i - 2; // the last revision starting before date (starts are strictly increasing)
            }
            if (i < 0) {
                return null;
            }
            CanonicalRange r = revisions[i];
            return r.revision().inEffectOn(date) ? r : null;
        }
    }
}
