package org.labrange.interpretation.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Clinical knowledge kept as data (a versioned rules file): what a high value is associated with, and
 * patterns across the results of one patient. Wording is "associated with", never a diagnosis.
 */
public record KnowledgeBase(
        String version,
        Map<String, Citation> citations,
        List<AssociationRule> associations,
        List<PatternRule> patterns,
        Set<String> analytesWithAssociations) {

    public KnowledgeBase {
        citations = Map.copyOf(citations);
        associations = List.copyOf(associations);
        patterns = List.copyOf(patterns);
        analytesWithAssociations = Set.copyOf(analytesWithAssociations);
    }

    public KnowledgeBase(
            String version,
            Map<String, Citation> citations,
            List<AssociationRule> associations,
            List<PatternRule> patterns) {
        this(
                version,
                citations,
                associations,
                patterns,
                associations.stream().map(AssociationRule::analyte).collect(Collectors.toSet()));
    }

    public static KnowledgeBase empty() {
        return new KnowledgeBase("none", Map.of(), List.of(), List.of());
    }

    /**
     * Whether any association is on file for the analyte (keyed like the rules: by LOINC code). An analyte without
     * one is answered "no associations on file", so that an empty list is never mistaken for a finding.
     */
    public boolean hasAssociationsFor(String analyte) {
        return analytesWithAssociations.contains(analyte);
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
