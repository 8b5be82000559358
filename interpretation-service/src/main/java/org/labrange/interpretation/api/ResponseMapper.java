package org.labrange.interpretation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.labrange.interpretation.api.InterpretationResponse.AgreementView;
import org.labrange.interpretation.api.InterpretationResponse.AnalyteView;
import org.labrange.interpretation.api.InterpretationResponse.AssociationView;
import org.labrange.interpretation.api.InterpretationResponse.CitationView;
import org.labrange.interpretation.api.InterpretationResponse.CriticalView;
import org.labrange.interpretation.api.InterpretationResponse.DeltaView;
import org.labrange.interpretation.api.InterpretationResponse.InterpretationView;
import org.labrange.interpretation.api.InterpretationResponse.NotEvaluatedView;
import org.labrange.interpretation.api.InterpretationResponse.OptimalView;
import org.labrange.interpretation.api.InterpretationResponse.PatternView;
import org.labrange.interpretation.api.InterpretationResponse.PopulationView;
import org.labrange.interpretation.api.InterpretationResponse.PositionView;
import org.labrange.interpretation.api.InterpretationResponse.ProblemView;
import org.labrange.interpretation.api.InterpretationResponse.RangeView;
import org.labrange.interpretation.api.InterpretationResponse.ResultView;
import org.labrange.interpretation.api.InterpretationResponse.ValueView;
import org.labrange.interpretation.api.problem.Problem;
import org.labrange.interpretation.domain.CanonicalRange;
import org.labrange.interpretation.domain.Citation;
import org.labrange.interpretation.domain.Comparator;
import org.labrange.interpretation.domain.PatternMatch;
import org.labrange.interpretation.domain.Population;
import org.labrange.interpretation.domain.RangeRevision;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.labrange.interpretation.service.InterpretationService;

/** Domain answers to API records. */
final class ResponseMapper {

    private ResponseMapper() {}

    static InterpretationResponse response(InterpretationService.Outcome outcome) {
        return new InterpretationResponse(
                outcome.rulesVersion(),
                outcome.evaluatedAt(),
                rangesInfo(outcome),
                basis(outcome.basis()),
                outcome.results().stream().map(ResponseMapper::result).toList(),
                outcome.patterns().stream().map(ResponseMapper::pattern).toList());
    }

    static InterpretationResponse.BasisView basis(InterpretationService.Basis basis) {
        return new InterpretationResponse.BasisView(
                basis.knownAt(), basis.requested(), basis.changeFeedPosition().orElse(null));
    }

    /** The answer of /single: the result with the basis it was computed from. */
    static ResultView single(ResultInterpretation r, InterpretationService.Basis basis) {
        ResultView v = result(r);
        return new ResultView(
                v.id(),
                v.status(),
                v.analyte(),
                v.value(),
                v.collectionDate(),
                v.interpretations(),
                v.notEvaluated(),
                v.agreement(),
                v.associations(),
                v.associationsOnFile(),
                v.associationsNote(),
                v.delta(),
                v.problems(),
                basis(basis));
    }

    static ResultView result(ResultInterpretation r) {
        return new ResultView(
                r.id(),
                r.status().name(),
                r.analyte()
                        .map(a -> new AnalyteView(a.code(), a.displayName(), a.specimen()))
                        .orElse(null),
                r.value()
                        .map(v -> new ValueView(
                                v.input(),
                                v.inputUnit(),
                                v.comparator().map(Comparator::symbol).orElse(null),
                                v.normalised().value(),
                                v.unit(),
                                v.conversion().factor(),
                                v.conversion().viaMolarMass()))
                        .orElse(null),
                r.collectionDate().map(Object::toString).orElse(null),
                r.interpretations().stream().map(ResponseMapper::interpretation).toList(),
                notEvaluated(r),
                r.agreement()
                        .map(a -> new AgreementView(
                                a.unanimous(),
                                a.flags().entrySet().stream()
                                        .collect(Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> e.getValue().code(),
                                                (x, y) -> x,
                                                LinkedHashMap::new)),
                                a.summary()))
                        .orElse(null),
                r.associations().stream()
                        .map(a -> new AssociationView(
                                a.id(),
                                a.text(),
                                a.conditions(),
                                joined(a.citations()),
                                citations(a.citations()),
                                a.basis()))
                        .toList(),
                r.associationsOnFile(),
                associationsNote(r),
                delta(r),
                problems(r),
                null);
    }

    /** Only for an interpreted result whose analyte has nothing on file: silence must not read as a finding. */
    private static String associationsNote(ResultInterpretation r) {
        if (r.status() != ResultInterpretation.Status.INTERPRETED || r.associationsOnFile()) {
            return null;
        }
        return "No associations on file for "
                + r.analyte().map(a -> a.knowledgeKey()).orElse("this analyte")
                + ": no clinical associations are recorded for it, so none is reported.";
    }

    private static List<NotEvaluatedView> notEvaluated(ResultInterpretation r) {
        return r.notEvaluated().stream()
                .map(n -> new NotEvaluatedView(n.source(), n.reason()))
                .toList();
    }

    private static DeltaView delta(ResultInterpretation r) {
        return r.delta()
                .map(d -> new DeltaView(
                        d.possible(),
                        d.reason().orElse(null),
                        d.previous().map(v -> v.display()).orElse(null),
                        d.previousCollectedAt().orElse(null),
                        boxed(d.change()),
                        boxed(d.percentChange()),
                        boxed(d.rcvPercent()),
                        d.significant(),
                        d.flag().map(f -> f.code()).orElse(null)))
                .orElse(null);
    }

    private static List<ProblemView> problems(ResultInterpretation r) {
        return r.problems().stream()
                .map(p -> new ProblemView(Problem.TYPE_BASE + p.kind(), p.field(), p.reason()))
                .toList();
    }

    private static InterpretationResponse.RangesInfo rangesInfo(InterpretationService.Outcome outcome) {
        return new InterpretationResponse.RangesInfo(
                outcome.ranges().changeSequence(),
                outcome.ranges().confirmedAt().orElse(null),
                outcome.ranges().lastCheckFailed());
    }

    static CompactInterpretationResponse compact(InterpretationService.Outcome outcome) {
        return new CompactInterpretationResponse(
                outcome.rulesVersion(),
                outcome.evaluatedAt(),
                rangesInfo(outcome),
                basis(outcome.basis()),
                outcome.results().stream().map(ResponseMapper::compact).toList(),
                outcome.patterns().stream().map(ResponseMapper::pattern).toList());
    }

    static CompactInterpretationResponse.Result compact(ResultInterpretation r) {
        return new CompactInterpretationResponse.Result(
                r.id(),
                r.status().name(),
                r.analyte().map(a -> a.code()).orElse(null),
                r.value().map(v -> v.normalised().value()).orElse(null),
                r.value().flatMap(v -> v.comparator()).map(Comparator::symbol).orElse(null),
                r.value().map(v -> v.unit()).orElse(null),
                r.collectionDate().map(Object::toString).orElse(null),
                r.interpretations().stream()
                        .map(i -> new CompactInterpretationResponse.Verdict(
                                i.source(),
                                i.flag().code(),
                                i.range().revision().rangeId(),
                                i.range().revision().revision(),
                                i.range().text(),
                                i.critical()
                                        .flatMap(c -> c.flag())
                                        .map(f -> f.code())
                                        .orElse(null)))
                        .toList(),
                notEvaluated(r),
                r.agreement().map(a -> a.unanimous()).orElse(null),
                r.associations().stream().map(a -> a.id()).toList(),
                r.associationsOnFile(),
                delta(r),
                problems(r));
    }

    private static InterpretationView interpretation(ResultInterpretation.SourceInterpretation i) {
        return new InterpretationView(
                i.source(),
                i.flag().code(),
                i.flag().display(),
                range(i.range()),
                i.selectionRule(),
                new PositionView(
                        boxed(i.position().multipleOfUpperLimit()),
                        boxed(i.position().percentThroughRange())),
                i.critical()
                        .map(c -> new CriticalView(
                                c.flag().map(f -> f.code()).orElse(null), range(c.range()), c.selectionRule()))
                        .orElse(null),
                i.optimal()
                        .map(o -> new OptimalView(o.status(), range(o.range()), o.selectionRule()))
                        .orElse(null),
                i.note().orElse(null));
    }

    static RangeView range(CanonicalRange c) {
        RangeRevision r = c.revision();
        Population p = r.population();
        return new RangeView(
                r.rangeId(),
                r.revision(),
                r.category().name(),
                boxed(c.interval().low()),
                c.interval().lowInclusive(),
                boxed(c.interval().high()),
                c.interval().highInclusive(),
                c.unit(),
                c.text(),
                r.unit(),
                new PopulationView(
                        p.sex().name(),
                        boxed(p.ageMin()),
                        boxed(p.ageMax()),
                        p.ageUnit().name(),
                        p.condition().orElse(null),
                        p.method().orElse(null)),
                r.effectiveFrom().toString(),
                r.effectiveTo().map(Object::toString).orElse(null));
    }

    private static PatternView pattern(PatternMatch p) {
        return new PatternView(
                p.id(), p.text(), p.resultIds(), joined(p.citations()), citations(p.citations()), p.basis());
    }

    private static String joined(List<Citation> citations) {
        return citations.stream()
                .map(c -> c.text() + c.doi().map(d -> " doi:" + d).orElse(""))
                .collect(Collectors.joining(" | "));
    }

    private static List<CitationView> citations(List<Citation> citations) {
        return citations.stream()
                .map(c -> new CitationView(c.id(), c.text(), c.doi().orElse(null)))
                .toList();
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
