package org.labrange.ranges.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Where the age and sex bands of one analyte's ranges leave a patient without a range (gaps) or with more than one
 * (overlaps), per source and category, as an activation check before a catalogue goes live. Only ranges without a
 * condition or method count (those apply on top of the general ones and are listed apart). Ages are compared on
 * one scale (a month is 1/12 of a year of 365.25 days); every boundary is reported in the unit a range stated it in.
 */
public final class RangeCoverage {

    private static final double DAYS_PER_YEAR = 365.25;

    private RangeCoverage() {}

    /** An age as a range states it; {@code value} empty means "no limit" (birth or no upper end). */
    public record Age(Optional<Integer> value, AgeUnit unit) {
        double days() {
            if (value.isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            return switch (unit) {
                case DAYS -> value.get();
                case MONTHS -> value.get() * DAYS_PER_YEAR / 12;
                case YEARS -> value.get() * DAYS_PER_YEAR;
            };
        }

        static final Age BIRTH = new Age(Optional.of(0), AgeUnit.DAYS);
        static final Age UNLIMITED = new Age(Optional.empty(), AgeUnit.YEARS);
    }

    /** Patients of {@code sex} aged {@code [from, to)} have no range of the group. */
    public record Gap(Sex sex, Age from, Age to) {}

    /**
     * Patients of {@code sex} aged {@code [from, to)} match every range in {@code rangeIds}; {@code ambiguous} when
     * the ranges are equally specific about sex, so only the tie-breaks of the selection rule decide.
     */
    public record Overlap(Sex sex, Age from, Age to, List<UUID> rangeIds, boolean ambiguous) {}

    /** One source and category: its gaps and overlaps, and the conditional ranges left out of them. */
    public record Group(
            String sourceCode, Category category, List<Gap> gaps, List<Overlap> overlaps, List<UUID> conditional) {}

    /** The groups of {@code ranges} (in effect on one date), in source then category order. */
    public static List<Group> of(List<RangeRevision> ranges) {
        Map<String, List<RangeRevision>> groups = new LinkedHashMap<>();
        ranges.stream()
                .filter(r -> r.status() == RangeStatus.ACTIVE)
                .sorted(Comparator.comparing(RangeRevision::sourceCode).thenComparing(RangeRevision::category))
                .forEach(r -> groups.computeIfAbsent(r.sourceCode() + "\u0000" + r.category(), k -> new ArrayList<>())
                        .add(r));
        List<Group> out = new ArrayList<>();
        for (List<RangeRevision> group : groups.values()) {
            List<RangeRevision> general = new ArrayList<>();
            List<UUID> conditional = new ArrayList<>();
            for (RangeRevision r : group) {
                Population p = r.content().population();
                if (p.condition().isPresent() || p.method().isPresent()) {
                    conditional.add(r.rangeId());
                } else {
                    general.add(r);
                }
            }
            List<Gap> gaps = new ArrayList<>();
            List<Overlap> overlaps = new ArrayList<>();
            for (Sex sex : List.of(Sex.FEMALE, Sex.MALE)) {
                sweep(sex, general, gaps, overlaps);
            }
            RangeRevision first = group.get(0);
            out.add(new Group(first.sourceCode(), first.category(), merge(gaps), mergeOverlaps(overlaps), conditional));
        }
        return out;
    }

    private static Age from(Population p) {
        return p.ageMin().map(v -> new Age(Optional.of(v), p.ageUnit())).orElse(Age.BIRTH);
    }

    private static Age to(Population p) {
        return p.ageMax().map(v -> new Age(Optional.of(v), p.ageUnit())).orElse(Age.UNLIMITED);
    }

    /** Walks the age axis of one sex from birth to no limit, between every boundary some range states. */
    private static void sweep(Sex sex, List<RangeRevision> ranges, List<Gap> gaps, List<Overlap> overlaps) {
        List<RangeRevision> applicable = ranges.stream()
                .filter(r -> r.content().population().sex() == Sex.ANY
                        || r.content().population().sex() == sex)
                .toList();
        TreeSet<Age> boundaries = new TreeSet<>(Comparator.comparingDouble(Age::days));
        boundaries.add(Age.BIRTH);
        boundaries.add(Age.UNLIMITED);
        applicable.forEach(r -> {
            boundaries.add(from(r.content().population()));
            boundaries.add(to(r.content().population()));
        });
        List<Age> points = List.copyOf(boundaries);
        for (int i = 0; i + 1 < points.size(); i++) {
            Age lo = points.get(i);
            Age hi = points.get(i + 1);
            double middle = Double.isInfinite(hi.days()) ? lo.days() + 1 : (lo.days() + hi.days()) / 2;
            List<RangeRevision> covering = applicable.stream()
                    .filter(r -> from(r.content().population()).days() <= middle
                            && middle < to(r.content().population()).days())
                    .sorted(Comparator.comparing(RangeRevision::rangeId))
                    .toList();
            if (covering.isEmpty()) {
                gaps.add(new Gap(sex, lo, hi));
            } else if (covering.size() > 1) {
                long sexSpecific = covering.stream()
                        .filter(r -> r.content().population().sex() != Sex.ANY)
                        .count();
                boolean ambiguous = sexSpecific != 1;
                overlaps.add(new Overlap(
                        sex,
                        lo,
                        hi,
                        covering.stream().map(RangeRevision::rangeId).toList(),
                        ambiguous));
            }
        }
    }

    /** Adjacent gaps of one sex become one. */
    private static List<Gap> merge(List<Gap> gaps) {
        List<Gap> out = new ArrayList<>();
        for (Gap g : gaps) {
            if (!out.isEmpty()) {
                Gap last = out.get(out.size() - 1);
                if (last.sex() == g.sex() && last.to().days() == g.from().days()) {
                    out.set(out.size() - 1, new Gap(g.sex(), last.from(), g.to()));
                    continue;
                }
            }
            out.add(g);
        }
        return List.copyOf(out);
    }

    /** Adjacent overlaps of one sex between the same ranges become one. */
    private static List<Overlap> mergeOverlaps(List<Overlap> overlaps) {
        List<Overlap> out = new ArrayList<>();
        for (Overlap o : overlaps) {
            if (!out.isEmpty()) {
                Overlap last = out.get(out.size() - 1);
                if (last.sex() == o.sex()
                        && last.to().days() == o.from().days()
                        && last.rangeIds().equals(o.rangeIds())) {
                    out.set(out.size() - 1, new Overlap(o.sex(), last.from(), o.to(), o.rangeIds(), o.ambiguous()));
                    continue;
                }
            }
            out.add(o);
        }
        return List.copyOf(out);
    }
}
