package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's shortcuts (binary search for the revision in effect, text-free pattern checks, remembered
 * agreement texts) must give exactly the answers of the plain way. Seeded generators: a failure names its
 * seed and case, and the same run reproduces it.
 */
class EngineShortcutsPropertiesTest {

    private static final long SEED = 20261125L;
    private static final LocalDate START = LocalDate.parse("2020-01-01");
    private static final Sex[] SEXES = Sex.values();

    @Test
    void revisionFoundByBinarySearchIsTheOneEveryRevisionScanFinds() {
        Random random = new Random(SEED);
        for (int c = 0; c < 2_000; c++) {
            List<RangeRevision> revisions = new ArrayList<>();
            int ranges = 1 + random.nextInt(3);
            for (int r = 0; r < ranges; r++) {
                revisions.addAll(history("r" + r, random, c % 10 == 0));
            }
            AnalyteRanges compiled = AnalyteRanges.compile(Fixtures.SERUM, revisions, 1, Fixtures.UNITS);
            for (int d = 0; d < 20; d++) {
                LocalDate date = START.plusDays(random.nextInt(3 * 365) - 30);
                Optional<Sex> sex =
                        random.nextBoolean() ? Optional.empty() : Optional.of(SEXES[random.nextInt(SEXES.length)]);
                List<CanonicalRange> all = compiled.of("lab", RangeCategory.REFERENCE);
                List<CanonicalRange> inEffect = compiled.inEffect("lab", RangeCategory.REFERENCE, date);
                RangeSelector.Choice expected = RangeSelector.choose(
                        all, "lab", RangeCategory.REFERENCE, date, sex, Optional.empty(), Optional.empty());
                RangeSelector.Choice actual = RangeSelector.choose(
                        inEffect.isEmpty() ? all : inEffect,
                        "lab",
                        RangeCategory.REFERENCE,
                        date,
                        sex,
                        Optional.empty(),
                        Optional.empty());
                assertEquals(expected, actual, "case " + c + " date " + date + " revisions " + revisions);
            }
        }
    }

    @Test
    void patternCheckWithoutTextAndTheExplainedCheckFollowTheRulesAsWritten() {
        Random random = new Random(SEED + 1);
        Flag[] flags = Flag.values();
        KnowledgeBase.ResultState[] states = KnowledgeBase.ResultState.values();
        for (int c = 0; c < 5_000; c++) {
            List<ResultInterpretation.SourceInterpretation> list = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                double multiple = random.nextInt(300) / 1.0;
                CanonicalRange range = new CanonicalRange(
                        Fixtures.range(
                                "x" + i,
                                "1952-1",
                                "s" + i,
                                RangeCategory.REFERENCE,
                                Interval.atMost(1),
                                "mg/L",
                                Population.everyone()),
                        Interval.atMost(1),
                        "mg/L");
                list.add(new ResultInterpretation.SourceInterpretation(
                        "s" + i,
                        flags[random.nextInt(flags.length)],
                        range,
                        "only applicable range",
                        new ResultInterpretation.Position(
                                random.nextBoolean() ? OptionalDouble.of(multiple) : OptionalDouble.empty(),
                                OptionalDouble.empty()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
            }
            KnowledgeBase.ResultState state = states[random.nextInt(states.length)];
            OptionalDouble threshold = OptionalDouble.of(random.nextInt(300));
            boolean expected = asWritten(state, threshold.getAsDouble(), list);
            String context = "case " + c + " " + state + " " + list;
            assertEquals(expected, PatternEvaluator.holds(state, threshold, list), context);
            Optional<String> basis = PatternEvaluator.basis(state, threshold, list);
            assertEquals(expected, basis.isPresent(), context);
            // the explanation names every source it rests on
            basis.ifPresent(text -> list.stream()
                    .filter(i -> state != KnowledgeBase.ResultState.MULTIPLE_OF_UPPER_LIMIT_AT_LEAST
                            || asWritten(state, threshold.getAsDouble(), List.of(i)))
                    .forEach(i -> assertTrue(text.contains(i.source()), context)));
        }
    }

    @Test
    void rememberedAgreementFollowsNewBoundsOfTheSameRange() {
        LabResult result = Fixtures.result("a", "1952-1", "2.0", "mg/L");
        AnalyteRanges before = Fixtures.serumSeed();
        ResultInterpretation first = Fixtures.ENGINE.interpret(result, Fixtures.woman(40), before, Optional.empty());
        ResultInterpretation again = Fixtures.ENGINE.interpret(result, Fixtures.woman(40), before, Optional.empty());
        assertSame(first.agreement().orElseThrow(), again.agreement().orElseThrow(), "same ranges, same flags");

        // same range ids, same flags (H by Mosby only), different Mosby bound: the text must show the new bound
        AnalyteRanges after = AnalyteRanges.compile(
                Fixtures.SERUM,
                List.of(
                        Fixtures.range(
                                "quest-1",
                                "1952-1",
                                "quest",
                                RangeCategory.REFERENCE,
                                Interval.atMost(2.51),
                                "mg/L",
                                Fixtures.adults()),
                        Fixtures.range(
                                "labcorp-1",
                                "1952-1",
                                "labcorp",
                                RangeCategory.REFERENCE,
                                Interval.closed(0.6, 2.4),
                                "mg/L",
                                Population.everyone()),
                        Fixtures.range(
                                "mosby-1",
                                "1952-1",
                                "mosby-pagana-2022",
                                RangeCategory.REFERENCE,
                                Interval.closed(0.7, 1.9),
                                "mg/L",
                                Population.everyone())),
                8,
                Fixtures.UNITS);
        ResultInterpretation later = Fixtures.ENGINE.interpret(result, Fixtures.woman(40), after, Optional.empty());
        assertEquals(
                first.agreement().orElseThrow().flags(),
                later.agreement().orElseThrow().flags());
        assertNotEquals(
                first.agreement().orElseThrow().summary(),
                later.agreement().orElseThrow().summary());
        assertEquals(
                "Sources disagree: Normal by labcorp (range 0.6–2.4 mg/L), quest (range ≤ 2.51 mg/L); High by "
                        + "mosby-pagana-2022 (range 0.7–1.9 mg/L).",
                later.agreement().orElseThrow().summary());
    }

    /** The rules file's states, spelled out: high by any source, not high by all, at least m × ULN by any. */
    private static boolean asWritten(
            KnowledgeBase.ResultState state, double multiple, List<ResultInterpretation.SourceInterpretation> list) {
        if (list.isEmpty()) {
            return false;
        }
        return switch (state) {
            case HIGH -> list.stream().anyMatch(i -> i.flag().isHigh());
            case NOT_HIGH -> list.stream().allMatch(i -> i.flag().isNotHigh());
            case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST ->
                list.stream()
                        .anyMatch(
                                i -> i.position().multipleOfUpperLimit().orElse(Double.NEGATIVE_INFINITY) >= multiple);
        };
    }

    /**
     * Revisions 1..n of one range, as the ranges service serves them: each later revision takes effect on some
     * date and ends where the next in time begins; a later revision with an earlier date cuts the earlier ones
     * short (possibly to nothing). Every tenth case adds an overlapping pair, to exercise the guard.
     */
    private static List<RangeRevision> history(String id, Random random, boolean overlapping) {
        int n = 1 + random.nextInt(12);
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(START.plusDays(random.nextInt(2 * 365)));
        }
        Sex sex = random.nextInt(4) == 0 ? SEXES[random.nextInt(SEXES.length)] : Sex.ANY;
        List<RangeRevision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate from = starts.get(i);
            // the revision applies until the earliest start, after its own, among the revisions recorded later,
            // and only from its start if no later revision starts on or before it
            Optional<LocalDate> to = Optional.empty();
            boolean superseded = false;
            for (int j = i + 1; j < n; j++) {
                if (!starts.get(j).isAfter(from)) {
                    superseded = true;
                } else if (to.isEmpty() || starts.get(j).isBefore(to.get())) {
                    to = Optional.of(starts.get(j));
                }
            }
            if (superseded) {
                to = Optional.of(from); // never in effect: an empty period
            }
            if (overlapping && i == 0 && n > 1) {
                to = Optional.empty(); // guard case: overlaps everything after it
            }
            double high = 1 + random.nextInt(5) / 2.0;
            out.add(new RangeRevision(
                    id,
                    i + 1,
                    "1952-1",
                    "lab",
                    RangeCategory.REFERENCE,
                    Interval.closed(random.nextInt(2) / 2.0, high),
                    "mg/L",
                    new Population(
                            sex,
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            AgeUnit.YEARS,
                            Optional.empty(),
                            Optional.empty()),
                    random.nextInt(6) != 0,
                    from,
                    to,
                    Optional.empty()));
        }
        return out;
    }
}
