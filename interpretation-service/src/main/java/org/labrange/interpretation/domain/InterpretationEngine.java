package org.labrange.interpretation.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labrange.interpretation.domain.Interval.Placement;
import org.labrange.interpretation.domain.ResultInterpretation.DeltaCheck;
import org.labrange.interpretation.domain.ResultInterpretation.NormalisedValue;
import org.labrange.interpretation.domain.ResultInterpretation.NotEvaluated;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;
import org.labrange.interpretation.domain.ResultInterpretation.Status;

/**
 * Evaluates one result against the ranges of its analyte: checks and normalises the value, then lets
 * {@link RangeLookup} choose each source's ranges, {@link Flagger} flag the value, {@link Conclusions} draw the
 * agreement and associations, and {@link DeltaChecker} compare with earlier results. Plain Java: no I/O, no
 * framework; the ranges come already converted to the analyte's canonical unit.
 */
public final class InterpretationEngine {

    private final UnitConverter units;
    private final KnowledgeBase knowledge;
    private final ZoneId zone;
    private final Conclusions conclusions;
    private final PatternEvaluator patterns;
    private final DeltaChecker deltas;

    public InterpretationEngine(UnitConverter units, KnowledgeBase knowledge, ZoneId zone) {
        this.units = units;
        this.knowledge = knowledge;
        this.zone = zone;
        this.conclusions = new Conclusions(knowledge);
        this.patterns = new PatternEvaluator(knowledge);
        this.deltas = new DeltaChecker(units);
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
        List<ResultProblem> problems = new ArrayList<>();
        if (result.specimen().isPresent()
                && !result.specimen().get().isBlank()
                && !Specimens.matches(result.specimen().get(), analyte.specimen())) {
            problems.add(new ResultProblem(
                    ResultProblem.INVALID_RESULT,
                    "specimen",
                    "analyte " + analyte.code()
                            + " is measured in " + analyte.specimen() + ", not in "
                            + Specimens.normalise(result.specimen().get())));
        }
        MeasuredValue measured = null;
        try {
            measured = MeasuredValue.parse(result.value());
        } catch (IllegalArgumentException e) {
            problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, "value", e.getMessage()));
        }
        ConversionFactor factor = null;
        try {
            factor = units.factor(result.unit(), analyte);
        } catch (UnitConversionException e) {
            problems.add(new ResultProblem(ResultProblem.UNIT_NOT_CONVERTIBLE, "unit", e.getMessage()));
        }
        LocalDate date = result.collectedAt().atZone(zone).toLocalDate();
        Optional<PatientAge> age = Optional.empty();
        try {
            age = patient.ageOn(date);
        } catch (IllegalArgumentException e) {
            problems.add(new ResultProblem(ResultProblem.INVALID_RESULT, "collectedAt", e.getMessage()));
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
                    List.of(new ResultProblem(
                            ResultProblem.IMPOSSIBLE_VALUE,
                            "value",
                            "'" + result.value() + "' is negative: a concentration cannot be below 0")));
        }
        NormalisedValue normalised = new NormalisedValue(
                result.value(), result.unit(), measured.comparator(), value, analyte.unit(), factor);

        List<String> sources = requestedSources.filter(l -> !l.isEmpty()).orElse(ranges.referenceSources());

        RangeLookup lookup = new RangeLookup(ranges, date, patient.sex(), age, result.method());
        List<SourceInterpretation> interpretations = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        for (String source : sources) {
            RangeSelector.Choice absolute = lookup.chooseOptional(source, RangeCategory.ABSOLUTE);
            if (absolute.range().isPresent()) {
                Interval a = absolute.range().get().interval();
                Optional<Placement> p = a.place(value);
                if (p.isPresent() && p.get() != Placement.WITHIN) {
                    problems.add(new ResultProblem(
                            ResultProblem.IMPOSSIBLE_VALUE,
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
            RangeSelector.Choice reference = lookup.choose(source, RangeCategory.REFERENCE);
            if (reference.range().isEmpty()) {
                notEvaluated.add(new NotEvaluated(source, reference.rule()));
                continue;
            }
            interpretations.add(withAgeRemark(Flagger.flag(source, value, reference, lookup), age));
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
        Conclusions.Drawn drawn = conclusions.of(analyte, interpretations);
        Optional<ResultInterpretation.Agreement> agreement =
                drawn.agreement().map(a -> SourceAgreement.naming(a, interpretations, notEvaluated));
        Optional<DeltaCheck> delta =
                result.previous().isEmpty() ? Optional.empty() : Optional.of(deltas.check(result, value, analyte));
        Status status = interpretations.isEmpty() ? Status.NO_RANGE : Status.INTERPRETED;
        return new ResultInterpretation(
                result.id(),
                status,
                Optional.of(analyte),
                Optional.of(normalised),
                Optional.of(date),
                interpretations,
                notEvaluated,
                agreement,
                drawn.associations(),
                knowledge.hasAssociationsFor(analyte.knowledgeKey()),
                delta,
                List.of());
    }

    /** Age in completed years under which a range without age limits is pointed out as an assumption. */
    static final long ADULT_AGE_YEARS = 18;

    /**
     * A range whose population states no age limits is applied to a child as given; the flag stands, and the
     * remark makes that assumption visible for this source.
     */
    private static SourceInterpretation withAgeRemark(SourceInterpretation s, Optional<PatientAge> age) {
        if (age.isEmpty()
                || age.get().years() >= ADULT_AGE_YEARS
                || s.range().revision().population().hasAgeLimits()) {
            return s;
        }
        String remark = "the patient is under " + ADULT_AGE_YEARS + " (" + describe(age.get())
                + ") and this range states no age limits: it was applied as published, without a paediatric range";
        return new SourceInterpretation(
                s.source(),
                s.flag(),
                s.range(),
                s.selectionRule(),
                s.position(),
                s.critical(),
                s.optimal(),
                Optional.of(s.note().map(n -> n + "; " + remark).orElse(remark)));
    }

    private static String describe(PatientAge age) {
        if (age.years() >= 1) {
            return age.years() + (age.years() == 1 ? " year" : " years");
        }
        if (age.months() >= 1) {
            return age.months() + (age.months() == 1 ? " month" : " months");
        }
        return age.days() + (age.days() == 1 ? " day" : " days");
    }

    /** Patterns across the interpreted results of one patient (one request). */
    public List<PatternMatch> patterns(List<ResultInterpretation> results) {
        return patterns.patterns(results);
    }
}
