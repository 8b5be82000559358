package org.labrange.interpretation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.labrange.interpretation.domain.Interval.Placement;
import org.labrange.interpretation.domain.ResultInterpretation.Agreement;
import org.labrange.interpretation.domain.ResultInterpretation.Association;
import org.labrange.interpretation.domain.ResultInterpretation.CriticalAssessment;
import org.labrange.interpretation.domain.ResultInterpretation.DeltaCheck;
import org.labrange.interpretation.domain.ResultInterpretation.NormalisedValue;
import org.labrange.interpretation.domain.ResultInterpretation.NotEvaluated;
import org.labrange.interpretation.domain.ResultInterpretation.OptimalAssessment;
import org.labrange.interpretation.domain.ResultInterpretation.Position;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;
import org.labrange.interpretation.domain.ResultInterpretation.Status;

/**
 * Evaluates one result against the ranges of its analyte. Plain Java: no I/O, no framework; the ranges come
 * already converted to the analyte's canonical unit, and unit factors are cached by the converter.
 */
public final class InterpretationEngine {

    /** Z for a two-sided 95 % reference change value. */
    public static final double Z_TWO_SIDED_95 = 1.96;

    private final UnitConverter units;
    private final KnowledgeBase knowledge;
    private final ZoneId zone;

    public InterpretationEngine(UnitConverter units, KnowledgeBase knowledge, ZoneId zone) {
        this.units = units;
        this.knowledge = knowledge;
        this.zone = zone;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /**
     * @param requestedSources the sources the caller asked for; empty means every source with a reference
     *                         range for the analyte
     */
    public ResultInterpretation interpret(
            LabResult result, Patient patient, AnalyteRanges ranges, Optional<List<String>> requestedSources) {
        Analyte analyte = ranges.analyte();
        List<Problem> problems = new ArrayList<>();
        if (result.specimen().isPresent()
                && !result.specimen().get().isBlank()
                && !Specimens.normalise(result.specimen().get()).equals(analyte.specimen())) {
            problems.add(new Problem(
                    Problem.INVALID_RESULT,
                    "specimen",
                    "analyte " + analyte.code()
                            + " is measured in " + analyte.specimen() + ", not in "
                            + Specimens.normalise(result.specimen().get())));
        }
        MeasuredValue measured = null;
        try {
            measured = MeasuredValue.parse(result.value());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Problem.INVALID_RESULT, "value", e.getMessage()));
        }
        ConversionFactor factor = null;
        try {
            factor = units.factor(result.unit(), analyte);
        } catch (UnitConversionException e) {
            problems.add(new Problem(Problem.UNIT_NOT_CONVERTIBLE, "unit", e.getMessage()));
        }
        LocalDate date = result.collectedAt().atZone(zone).toLocalDate();
        Optional<PatientAge> age = Optional.empty();
        try {
            age = patient.ageOn(date);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Problem.INVALID_RESULT, "collectedAt", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return ResultInterpretation.rejected(result.id(), Optional.of(analyte), problems);
        }
        MeasuredValue value = measured.scaled(factor.factor());
        if (value.value() < 0) {
            // Every supported unit is a concentration, which cannot be negative.
            return ResultInterpretation.rejected(
                    result.id(),
                    Optional.of(analyte),
                    List.of(new Problem(
                            Problem.IMPOSSIBLE_VALUE,
                            "value",
                            "'" + result.value() + "' is negative: a concentration cannot be below 0")));
        }
        NormalisedValue normalised = new NormalisedValue(
                result.value(), result.unit(), measured.comparator(), value, analyte.unit(), factor);

        List<String> sources = requestedSources.filter(l -> !l.isEmpty()).orElse(ranges.referenceSources());

        List<SourceInterpretation> interpretations = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        for (String source : sources) {
            RangeSelector.Choice absolute =
                    optionalCategory(ranges, source, RangeCategory.ABSOLUTE, date, patient, age, result.method());
            if (absolute.range().isPresent()) {
                Interval a = absolute.range().get().interval();
                Optional<Placement> p = a.place(value);
                if (p.isPresent() && p.get() != Placement.WITHIN) {
                    problems.add(new Problem(
                            Problem.IMPOSSIBLE_VALUE,
                            "value",
                            "value " + value.display() + " "
                                    + analyte.unit() + " is outside the absolute range " + a.describe() + " "
                                    + analyte.unit() + " of " + source + " (range "
                                    + absolute.range().get().revision().rangeId()
                                    + " revision "
                                    + absolute.range().get().revision().revision() + "): impossible"));
                    continue;
                }
            }
            RangeSelector.Choice reference =
                    select(ranges, source, RangeCategory.REFERENCE, date, patient, age, result.method());
            if (reference.range().isEmpty()) {
                notEvaluated.add(new NotEvaluated(source, reference.rule()));
                continue;
            }
            interpretations.add(evaluate(source, value, reference, date, patient, age, result.method(), ranges));
        }
        if (!problems.isEmpty()) {
            return ResultInterpretation.rejected(result.id(), Optional.of(analyte), problems);
        }
        for (AnalyteRanges.UnusableRange u : ranges.unusable()) {
            if (sources.contains(u.source())) {
                notEvaluated.add(new NotEvaluated(
                        u.source(),
                        "range " + u.rangeId() + " revision " + u.revision() + " was skipped: " + u.reason()));
            }
        }
        Conclusions conclusions = conclusions(analyte, interpretations);
        Optional<DeltaCheck> delta =
                result.previous().isEmpty() ? Optional.empty() : Optional.of(delta(result, value, analyte));
        Status status = interpretations.isEmpty() ? Status.NO_RANGE : Status.INTERPRETED;
        return new ResultInterpretation(
                result.id(),
                status,
                Optional.of(analyte),
                Optional.of(normalised),
                Optional.of(date),
                interpretations,
                notEvaluated,
                conclusions.agreement(),
                conclusions.associations(),
                delta,
                List.of());
    }

    /** What follows from the flags alone: the cross-source agreement and the associations they trigger. */
    private record Conclusions(Optional<Agreement> agreement, List<Association> associations) {}

    private static final Conclusions NO_CONCLUSIONS = new Conclusions(Optional.empty(), List.of());

    /** Bound on remembered flag combinations; past it the map is emptied (old ranges' entries go with it). */
    static final int MAX_REMEMBERED_CONCLUSIONS = 4096;

    private final ConcurrentHashMap<Verdicts, Conclusions> conclusions = new ConcurrentHashMap<>();

    /**
     * Agreement and associations depend only on which range revision gave which flag, and a handful of
     * combinations covers almost every result, so each combination is worked out (texts included) once.
     */
    private Conclusions conclusions(Analyte analyte, List<SourceInterpretation> interpretations) {
        if (interpretations.isEmpty()) {
            return NO_CONCLUSIONS;
        }
        Verdicts key = new Verdicts(analyte, interpretations);
        Conclusions known = conclusions.get(key);
        if (known != null) {
            return known;
        }
        Conclusions fresh = new Conclusions(
                Optional.of(agreement(interpretations)), List.copyOf(associations(analyte, interpretations)));
        if (conclusions.size() >= MAX_REMEMBERED_CONCLUSIONS) {
            conclusions.clear();
        }
        conclusions.put(key, fresh);
        return fresh;
    }

    /**
     * The key of {@link #conclusions}: the analyte and, per evaluated source, the range revision and the flag.
     * Analyte and ranges compare by identity: they are immutable and compiled once per fetch of the ranges, so a
     * re-fetch gets new keys instead of ever reusing a text built from different bounds.
     */
    private static final class Verdicts {
        private final Analyte analyte;
        private final CanonicalRange[] ranges;
        private final Flag[] flags;
        private final int hash;

        Verdicts(Analyte analyte, List<SourceInterpretation> interpretations) {
            this.analyte = analyte;
            int n = interpretations.size();
            this.ranges = new CanonicalRange[n];
            this.flags = new Flag[n];
            int h = System.identityHashCode(analyte);
            for (int i = 0; i < n; i++) {
                SourceInterpretation s = interpretations.get(i);
                ranges[i] = s.range();
                flags[i] = s.flag();
                h = 31 * (31 * h + System.identityHashCode(ranges[i])) + flags[i].ordinal();
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Verdicts v)
                    || v.hash != hash
                    || v.analyte != analyte
                    || v.ranges.length != ranges.length) {
                return false;
            }
            for (int i = 0; i < ranges.length; i++) {
                if (v.ranges[i] != ranges[i] || v.flags[i] != flags[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private SourceInterpretation evaluate(
            String source,
            MeasuredValue value,
            RangeSelector.Choice reference,
            LocalDate date,
            Patient patient,
            Optional<PatientAge> age,
            Optional<String> method,
            AnalyteRanges ranges) {
        CanonicalRange range = reference.range().orElseThrow();
        Interval interval = range.interval();
        Optional<CriticalAssessment> critical = Optional.empty();
        Optional<Flag> criticalFlag = Optional.empty();
        RangeSelector.Choice criticalChoice =
                optionalCategory(ranges, source, RangeCategory.CRITICAL, date, patient, age, method);
        if (criticalChoice.range().isPresent()) {
            Optional<Placement> p = criticalChoice.range().get().interval().place(value);
            criticalFlag = p.flatMap(pl -> switch (pl) {
                case BELOW -> Optional.of(Flag.LL);
                case ABOVE -> Optional.of(Flag.HH);
                case WITHIN -> Optional.empty();
            });
            critical = Optional.of(
                    new CriticalAssessment(criticalChoice.range().get(), criticalFlag, criticalChoice.rule()));
        }
        Flag flag;
        Optional<String> note = Optional.empty();
        if (interval.isUnbounded()) {
            flag = Flag.IND;
            note = Optional.of("the range has no numeric bounds");
        } else if (criticalFlag.isPresent()) {
            flag = criticalFlag.get();
        } else {
            Optional<Placement> p = interval.place(value);
            if (p.isEmpty()) {
                flag = value.comparator().orElseThrow().isUpperLimit() ? Flag.OFF_SCALE_LOW : Flag.OFF_SCALE_HIGH;
                note = Optional.of(
                        "the censored value " + value.display() + " cannot be placed against " + range.text());
            } else {
                flag = switch (p.get()) {
                    case BELOW -> Flag.L;
                    case ABOVE -> Flag.H;
                    case WITHIN -> Flag.N;
                };
            }
        }
        Position position = position(value, interval);
        Optional<OptimalAssessment> optimal = Optional.empty();
        RangeSelector.Choice optimalChoice =
                optionalCategory(ranges, source, RangeCategory.OPTIMAL, date, patient, age, method);
        if (optimalChoice.range().isPresent()) {
            String status = optimalChoice
                    .range()
                    .get()
                    .interval()
                    .place(value)
                    .map(pl -> switch (pl) {
                        case BELOW -> "BELOW_OPTIMAL";
                        case WITHIN -> "OPTIMAL";
                        case ABOVE -> "ABOVE_OPTIMAL";
                    })
                    .orElse("UNDETERMINED");
            optimal = Optional.of(new OptimalAssessment(optimalChoice.range().get(), status, optimalChoice.rule()));
        }
        return new SourceInterpretation(source, flag, range, reference.rule(), position, critical, optimal, note);
    }

    private static final RangeSelector.Choice NONE = new RangeSelector.Choice(Optional.empty(), "no range");

    /** Absolute, critical and optimal ranges are optional: most sources publish none, so skip the search. */
    private static RangeSelector.Choice optionalCategory(
            AnalyteRanges ranges,
            String source,
            RangeCategory category,
            LocalDate date,
            Patient patient,
            Optional<PatientAge> age,
            Optional<String> method) {
        return ranges.of(source, category).isEmpty()
                ? NONE
                : select(ranges, source, category, date, patient, age, method);
    }

    /**
     * The selector sees only the revisions in effect on the date (found by binary search), which gives the same
     * choice as showing it every revision; when none is in effect it gets them all, so it can say why.
     */
    private static RangeSelector.Choice select(
            AnalyteRanges ranges,
            String source,
            RangeCategory category,
            LocalDate date,
            Patient patient,
            Optional<PatientAge> age,
            Optional<String> method) {
        List<CanonicalRange> inEffect = ranges.inEffect(source, category, date);
        return RangeSelector.choose(
                inEffect.isEmpty() ? ranges.of(source, category) : inEffect,
                source,
                category,
                date,
                patient.sex(),
                age,
                method);
    }

    static Position position(MeasuredValue value, Interval interval) {
        if (value.isCensored()) {
            return Position.none();
        }
        double v = value.value();
        OptionalDouble multiple = interval.high().isPresent() && interval.high().getAsDouble() > 0
                ? OptionalDouble.of(Numbers.round(v / interval.high().getAsDouble(), 3))
                : OptionalDouble.empty();
        OptionalDouble percent = OptionalDouble.empty();
        if (interval.low().isPresent()
                && interval.high().isPresent()
                && interval.high().getAsDouble() > interval.low().getAsDouble()) {
            double l = interval.low().getAsDouble();
            double h = interval.high().getAsDouble();
            percent = OptionalDouble.of(Numbers.round((v - l) / (h - l) * 100.0, 1));
        }
        return new Position(multiple, percent);
    }

    static Agreement agreement(List<SourceInterpretation> interpretations) {
        Map<String, Flag> flags = new LinkedHashMap<>();
        Map<Flag, List<SourceInterpretation>> byFlag = new LinkedHashMap<>();
        for (SourceInterpretation i : interpretations) {
            flags.put(i.source(), i.flag());
            byFlag.computeIfAbsent(i.flag(), f -> new ArrayList<>()).add(i);
        }
        Map<String, Flag> shown = java.util.Collections.unmodifiableMap(flags);
        if (interpretations.size() == 1) {
            SourceInterpretation only = interpretations.get(0);
            return new Agreement(
                    true,
                    shown,
                    "Only " + only.source() + " evaluated: " + only.flag().display() + " ("
                            + only.range().text() + ").");
        }
        if (byFlag.size() == 1) {
            return new Agreement(
                    true,
                    shown,
                    "All " + interpretations.size() + " sources agree: "
                            + byFlag.keySet().iterator().next().display() + ".");
        }
        StringBuilder parts = new StringBuilder("Sources disagree: ");
        String groupSeparator = "";
        for (Map.Entry<Flag, List<SourceInterpretation>> e : byFlag.entrySet()) {
            parts.append(groupSeparator).append(e.getKey().display()).append(" by ");
            String separator = "";
            for (SourceInterpretation i : e.getValue()) {
                parts.append(separator)
                        .append(i.source())
                        .append(" (")
                        .append(i.range().text())
                        .append(')');
                separator = ", ";
            }
            groupSeparator = "; ";
        }
        return new Agreement(false, shown, parts.append('.').toString());
    }

    private List<Association> associations(Analyte analyte, List<SourceInterpretation> interpretations) {
        List<Association> out = new ArrayList<>();
        for (KnowledgeBase.AssociationRule rule : knowledge.associations()) {
            if (!rule.analyte().equals(analyte.code())) {
                continue;
            }
            Optional<String> basis = state(rule.when(), OptionalDouble.empty(), interpretations);
            basis.ifPresent(b -> out.add(
                    new Association(rule.id(), rule.text(), rule.conditions(), knowledge.cite(rule.citations()), b)));
        }
        return out;
    }

    /** Whether the interpretations of one result are in {@code state}; the basis in words when they are. */
    static Optional<String> state(
            KnowledgeBase.ResultState state, OptionalDouble multiple, List<SourceInterpretation> interpretations) {
        if (interpretations.isEmpty()) {
            return Optional.empty();
        }
        switch (state) {
            case HIGH: {
                List<String> high = interpretations.stream()
                        .filter(i -> i.flag().isHigh())
                        .map(SourceInterpretation::source)
                        .toList();
                List<String> notHigh = interpretations.stream()
                        .filter(i -> !i.flag().isHigh())
                        .map(i -> i.source() + " " + i.flag().code())
                        .toList();
                if (high.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of("high by " + String.join(", ", high)
                        + (notHigh.isEmpty() ? "" : " (not high by " + String.join(", ", notHigh) + ")"));
            }
            case NOT_HIGH: {
                boolean all = interpretations.stream().allMatch(i -> i.flag().isNotHigh());
                return all
                        ? Optional.of("not high by "
                                + interpretations.stream()
                                        .map(i -> i.source() + " " + i.flag().code())
                                        .collect(Collectors.joining(", ")))
                        : Optional.empty();
            }
            case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST: {
                double m = multiple.orElseThrow();
                List<String> over = interpretations.stream()
                        .filter(i -> i.position().multipleOfUpperLimit().isPresent()
                                && i.position().multipleOfUpperLimit().getAsDouble() >= m)
                        .map(i -> i.source() + " "
                                + Numbers.plain(
                                        i.position().multipleOfUpperLimit().getAsDouble()) + " × upper limit")
                        .toList();
                return over.isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                                "at least " + Numbers.plain(m) + " × the upper limit: " + String.join(", ", over));
            }
            default:
                return Optional.empty();
        }
    }

    /** Patterns across the interpreted results of one patient (one request). */
    public List<PatternMatch> patterns(List<ResultInterpretation> results) {
        List<PatternMatch> out = new ArrayList<>();
        for (KnowledgeBase.PatternRule rule : knowledge.patterns()) {
            if (rule.requires().isEmpty() || !rule.requires().stream().allMatch(req -> met(req, results))) {
                continue;
            }
            // Only a matching pattern needs its explanation: build the texts now, for the results that meet it.
            Set<String> ids = new LinkedHashSet<>();
            List<String> bases = new ArrayList<>();
            for (KnowledgeBase.Requirement req : rule.requires()) {
                for (ResultInterpretation r : results) {
                    if (concerns(req, r)) {
                        state(req.state(), req.multiple(), r.interpretations()).ifPresent(basis -> {
                            ids.add(r.id());
                            bases.add(r.id() + " (" + r.analyte().get().specimen() + ") " + basis);
                        });
                    }
                }
            }
            out.add(new PatternMatch(
                    rule.id(),
                    rule.text(),
                    List.copyOf(ids),
                    knowledge.cite(rule.citations()),
                    String.join("; ", bases)));
        }
        return out;
    }

    private static boolean concerns(KnowledgeBase.Requirement req, ResultInterpretation r) {
        return r.status() == Status.INTERPRETED
                && r.analyte().isPresent()
                && r.analyte().get().code().equals(req.analyte());
    }

    /** Whether at least one result meets {@code req}; answers without building any text. */
    private static boolean met(KnowledgeBase.Requirement req, List<ResultInterpretation> results) {
        for (ResultInterpretation r : results) {
            if (concerns(req, r) && holds(req.state(), req.multiple(), r.interpretations())) {
                return true;
            }
        }
        return false;
    }

    /** The yes/no part of {@link #state}: same rules, no text. */
    static boolean holds(
            KnowledgeBase.ResultState state, OptionalDouble multiple, List<SourceInterpretation> interpretations) {
        if (interpretations.isEmpty()) {
            return false;
        }
        return switch (state) {
            case HIGH -> interpretations.stream().anyMatch(i -> i.flag().isHigh());
            case NOT_HIGH -> interpretations.stream().allMatch(i -> i.flag().isNotHigh());
            case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST ->
                interpretations.stream()
                        .anyMatch(i -> i.position().multipleOfUpperLimit().isPresent()
                                && i.position().multipleOfUpperLimit().getAsDouble() >= multiple.orElseThrow());
        };
    }

    /** RCV in percent for a two-sided 95 % change: √2 · Z · √(CVa² + CVi²). */
    public static double referenceChangeValue(double cvaPercent, double cviPercent) {
        return Math.sqrt(2) * Z_TWO_SIDED_95 * Math.sqrt(cvaPercent * cvaPercent + cviPercent * cviPercent);
    }

    DeltaCheck delta(LabResult result, MeasuredValue current, Analyte analyte) {
        Optional<LabResult.PreviousResult> latest = result.previous().stream()
                .filter(p -> p.collectedAt().isBefore(result.collectedAt()))
                .max(java.util.Comparator.comparing(LabResult.PreviousResult::collectedAt));
        if (latest.isEmpty()) {
            return notPossible("no earlier result was collected before this one", Optional.empty(), Optional.empty());
        }
        LabResult.PreviousResult prev = latest.get();
        MeasuredValue previous;
        try {
            previous = MeasuredValue.parse(prev.value())
                    .scaled(units.factor(prev.unit(), analyte).factor());
        } catch (IllegalArgumentException | UnitConversionException e) {
            return notPossible(
                    "the earlier result is unusable: " + e.getMessage(),
                    Optional.empty(),
                    Optional.of(prev.collectedAt()));
        }
        if (current.isCensored() || previous.isCensored()) {
            return notPossible(
                    "a censored value has no exact change", Optional.of(previous), Optional.of(prev.collectedAt()));
        }
        double change = Numbers.roundSignificant(current.value() - previous.value());
        OptionalDouble percent = previous.value() > 0
                ? OptionalDouble.of(Numbers.round((current.value() - previous.value()) / previous.value() * 100, 2))
                : OptionalDouble.empty();
        if (!analyte.hasBiologicalVariation()) {
            return new DeltaCheck(
                    false,
                    Optional.of("not possible: no published analytical (CVa) and within-subject"
                            + " (CVi) variation for " + analyte.code()),
                    Optional.of(previous),
                    Optional.of(prev.collectedAt()),
                    OptionalDouble.of(change),
                    percent,
                    OptionalDouble.empty(),
                    false,
                    Optional.empty());
        }
        if (percent.isEmpty()) {
            return new DeltaCheck(
                    false,
                    Optional.of("not possible: the earlier value is not positive"),
                    Optional.of(previous),
                    Optional.of(prev.collectedAt()),
                    OptionalDouble.of(change),
                    percent,
                    OptionalDouble.empty(),
                    false,
                    Optional.empty());
        }
        double rcv = referenceChangeValue(
                analyte.analyticalCvPercent().getAsDouble(),
                analyte.withinSubjectCvPercent().getAsDouble());
        double exactPercent = (current.value() - previous.value()) / previous.value() * 100;
        boolean significant = Math.abs(exactPercent) > rcv;
        Optional<Flag> flag = significant ? Optional.of(exactPercent > 0 ? Flag.U : Flag.D) : Optional.empty();
        return new DeltaCheck(
                true,
                Optional.empty(),
                Optional.of(previous),
                Optional.of(prev.collectedAt()),
                OptionalDouble.of(change),
                percent,
                OptionalDouble.of(Numbers.round(rcv, 2)),
                significant,
                flag);
    }

    private static DeltaCheck notPossible(String reason, Optional<MeasuredValue> previous, Optional<Instant> at) {
        return new DeltaCheck(
                false,
                Optional.of("not possible: " + reason),
                previous,
                at,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                false,
                Optional.empty());
    }
}
