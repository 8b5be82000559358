package org.labrange.interpretation.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;
import org.labrange.interpretation.domain.ResultInterpretation.Status;

/**
 * The one place where a result's state (high, not high, at least a multiple of the upper limit) is decided, for
 * association rules and for panel patterns across the results of one patient. Whether a state holds is answered
 * without building any text; the basis in words is built only for a state that holds.
 */
public final class PatternEvaluator {

    private final KnowledgeBase knowledge;

    public PatternEvaluator(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
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
                        basis(req.state(), req.multiple(), r.interpretations()).ifPresent(basis -> {
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
                && r.analyte().get().knowledgeKey().equals(req.analyte());
    }

    private static boolean met(KnowledgeBase.Requirement req, List<ResultInterpretation> results) {
        for (ResultInterpretation r : results) {
            if (concerns(req, r) && holds(req.state(), req.multiple(), r.interpretations())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the interpretations of one result are in {@code state}: NOT_HIGH needs every source, the other
     * states one source. No interpretation means no state.
     */
    static boolean holds(
            KnowledgeBase.ResultState state, OptionalDouble multiple, List<SourceInterpretation> interpretations) {
        if (interpretations.isEmpty()) {
            return false;
        }
        boolean every = state == KnowledgeBase.ResultState.NOT_HIGH;
        for (SourceInterpretation i : interpretations) {
            if (satisfies(state, multiple, i) != every) {
                return !every;
            }
        }
        return every;
    }

    private static boolean satisfies(KnowledgeBase.ResultState state, OptionalDouble multiple, SourceInterpretation i) {
        return switch (state) {
            case HIGH -> i.flag().isHigh();
            case NOT_HIGH -> i.flag().isNotHigh();
            case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST ->
                i.position().multipleOfUpperLimit().isPresent()
                        && i.position().multipleOfUpperLimit().getAsDouble() >= multiple.orElseThrow();
        };
    }

    /** The basis in words when the interpretations of one result are in {@code state}; empty when they are not. */
    static Optional<String> basis(
            KnowledgeBase.ResultState state, OptionalDouble multiple, List<SourceInterpretation> interpretations) {
        if (!holds(state, multiple, interpretations)) {
            return Optional.empty();
        }
        List<String> meeting = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (SourceInterpretation i : interpretations) {
            if (satisfies(state, multiple, i)) {
                meeting.add(
                        switch (state) {
                            case HIGH -> i.source();
                            case NOT_HIGH -> i.source() + " " + i.flag().code();
                            case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST ->
                                i.source() + " "
                                        + Numbers.plain(i.position()
                                                .multipleOfUpperLimit()
                                                .getAsDouble())
                                        + " × upper limit";
                        });
            } else {
                others.add(i.source() + " " + i.flag().code());
            }
        }
        return Optional.of(
                switch (state) {
                    case HIGH ->
                        "high by " + String.join(", ", meeting)
                                + (others.isEmpty() ? "" : " (not high by " + String.join(", ", others) + ")");
                    case NOT_HIGH -> "not high by " + String.join(", ", meeting);
                    case MULTIPLE_OF_UPPER_LIMIT_AT_LEAST ->
                        "at least " + Numbers.plain(multiple.orElseThrow()) + " × the upper limit: "
                                + String.join(", ", meeting);
                });
    }
}
