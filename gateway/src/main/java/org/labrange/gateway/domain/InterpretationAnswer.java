package org.labrange.gateway.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What interpretation-service answered for a batch, as far as the report's checks need it.
 *
 * @param results     the interpreted results, in the order answered
 * @param rangesState what the service says about the ranges it used, when it says it
 */
public record InterpretationAnswer(List<InterpretedResult> results, Optional<RangesState> rangesState) {

    public InterpretationAnswer {
        results = List.copyOf(results);
    }

    /**
     * @param stale       true when the service could not confirm the latest ranges and used its cached copy
     * @param confirmedAt when the ranges were last confirmed
     */
    public record RangesState(boolean stale, Optional<String> confirmedAt) {}

    /**
     * One interpreted result.
     *
     * @param interpretations one entry per source, in the order answered
     * @param problems        why the result was rejected (for REJECTED results)
     */
    public record InterpretedResult(
            Optional<String> id,
            Optional<String> status,
            Optional<String> analyteCode,
            List<SourceFlag> interpretations,
            List<NotEvaluated> notEvaluated,
            Optional<Agreement> agreement,
            Optional<Delta> delta,
            List<ResultProblem> problems) {

        public InterpretedResult {
            interpretations = List.copyOf(interpretations);
            notEvaluated = List.copyOf(notEvaluated);
            problems = List.copyOf(problems);
        }
    }

    /** A source's flag for a result, and the range revision it rests on. */
    public record SourceFlag(Optional<String> source, Optional<String> flag, Optional<RangeUsed> range) {}

    /** @param revision the revision number applied (0 when the service did not give one) */
    public record RangeUsed(String rangeId, int revision, Optional<String> effectiveFrom) {}

    /** A source that could not evaluate a result, and why. */
    public record NotEvaluated(Optional<String> source, Optional<String> reason) {}

    /**
     * How the sources' flags for one result compare, as the service judged it.
     *
     * @param unanimous whether every source gave the same flag, when the service said so
     * @param flags     each source's flag, when the service listed them
     */
    public record Agreement(
            Optional<Boolean> unanimous, Optional<Map<String, String>> flags, Optional<String> summary) {}

    /** @param possible false when no delta could be computed (e.g. no earlier result) */
    public record Delta(Optional<Boolean> possible) {}

    /**
     * Why a result was rejected.
     *
     * @param asGiven the whole problem as the service wrote it, for when field and reason are missing
     */
    public record ResultProblem(Optional<String> field, Optional<String> reason, String asGiven) {}
}
