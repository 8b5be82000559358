package org.labrange.interpretation.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Clinical knowledge kept as data (a versioned rules file): what a high value is associated with, and
 * patterns across the results of one patient. Wording is "associated with", never a diagnosis.
 */
public record KnowledgeBase(
        String version,
        Map<String, Citation> citations,
        List<AssociationRule> associations,
        List<PatternRule> patterns) {

    public KnowledgeBase {
        citations = Map.copyOf(citations);
        associations = List.copyOf(associations);
        patterns = List.copyOf(patterns);
    }

    public static KnowledgeBase empty() {
        return new KnowledgeBase("none", Map.of(), List.of(), List.of());
    }

    /** The state of one interpreted result a rule can ask about. */
    public enum ResultState {
        /** At least one source flags it H or HH. */
        HIGH,
        /** Evaluated by at least one source and every source places it at or below the upper limit. */
        NOT_HIGH,
        /** An exact value at least {@code multiple} times the upper limit of at least one source. */
        MULTIPLE_OF_UPPER_LIMIT_AT_LEAST
    }

    /**
     * What a result of {@code analyte} in state {@code when} is associated with. {@code multiple} is the factor of
     * the upper limit for {@link ResultState#MULTIPLE_OF_UPPER_LIMIT_AT_LEAST} and empty otherwise; such a rule
     * depends on the value itself, not only on the flags, so it is a hint about the size of one result.
     */
    public record AssociationRule(
            String id,
            String analyte,
            ResultState when,
            OptionalDouble multiple,
            String text,
            List<String> conditions,
            List<String> citations) {

        public boolean dependsOnValue() {
            return when == ResultState.MULTIPLE_OF_UPPER_LIMIT_AT_LEAST;
        }
    }

    public record Requirement(String analyte, ResultState state, OptionalDouble multiple) {}

    public record PatternRule(String id, List<Requirement> requires, String text, List<String> citations) {}

    public List<Citation> cite(List<String> ids) {
        return ids.stream()
                .map(id -> {
                    Citation c = citations.get(id);
                    if (c == null) {
                        throw new IllegalStateException("rules file cites unknown source '" + id + "'");
                    }
                    return c;
                })
                .toList();
    }
}
