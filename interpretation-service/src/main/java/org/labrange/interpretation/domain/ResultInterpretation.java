package org.labrange.interpretation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the engine says about one result. */
public record ResultInterpretation(
        String id,
        Status status,
        Optional<Analyte> analyte,
        Optional<NormalisedValue> value,
        Optional<LocalDate> collectionDate,
        List<SourceInterpretation> interpretations,
        List<NotEvaluated> notEvaluated,
        Optional<Agreement> agreement,
        List<Association> associations,
        boolean associationsOnFile,
        Optional<DeltaCheck> delta,
        List<ResultProblem> problems) {

    public enum Status {
        INTERPRETED,
        NO_RANGE,
        REJECTED
    }

    public static ResultInterpretation rejected(String id, Optional<Analyte> analyte, List<ResultProblem> problems) {
        return new ResultInterpretation(
                id,
                Status.REJECTED,
                analyte,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                false,
                Optional.empty(),
                List.copyOf(problems));
    }

    public record NormalisedValue(
            String input,
            String inputUnit,
            Optional<Comparator> comparator,
            MeasuredValue normalised,
            String unit,
            ConversionFactor conversion) {}

    /** The verdict of one source: the flag and the exact range revision that produced it. */
    public record SourceInterpretation(
            String source,
            Flag flag,
            CanonicalRange range,
            String selectionRule,
            Position position,
            Optional<CriticalAssessment> critical,
            Optional<OptimalAssessment> optimal,
            Optional<String> note) {}

    /** Where an exact value sits: multiple of the upper limit and percent of the way from low to high. */
    public record Position(OptionalDouble multipleOfUpperLimit, OptionalDouble percentThroughRange) {
        public static Position none() {
            return new Position(OptionalDouble.empty(), OptionalDouble.empty());
        }
    }

    /** A critical range applied: {@code flag} LL/HH when crossed, empty when not. */
    public record CriticalAssessment(CanonicalRange range, Optional<Flag> flag, String selectionRule) {}

    /** The optimal range applied and where the value is: OPTIMAL, BELOW_OPTIMAL, ABOVE_OPTIMAL, UNDETERMINED. */
    public record OptimalAssessment(CanonicalRange range, String status, String selectionRule) {}

    public record NotEvaluated(String source, String reason) {}

    public record Agreement(boolean unanimous, Map<String, Flag> flags, String summary) {}

    public record Association(
            String id, String text, List<String> conditions, List<Citation> citations, String basis) {}

    /**
     * Change against the most recent earlier result. {@code possible} false when no biological variation is
     * published for the analyte or a value is censored; the change itself is still reported when computable.
     */
    public record DeltaCheck(
            boolean possible,
            Optional<String> reason,
            Optional<MeasuredValue> previous,
            Optional<Instant> previousCollectedAt,
            OptionalDouble change,
            OptionalDouble percentChange,
            OptionalDouble rcvPercent,
            boolean significant,
            Optional<Flag> flag) {}
}
