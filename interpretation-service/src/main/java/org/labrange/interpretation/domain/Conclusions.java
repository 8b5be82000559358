package org.labrange.interpretation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.labrange.interpretation.domain.ResultInterpretation.Agreement;
import org.labrange.interpretation.domain.ResultInterpretation.Association;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;

/**
 * The cross-source agreement and the association rules a result triggers. What follows from the flags alone is
 * remembered per combination of range revisions and flags; rules about the size of the value (a multiple of the
 * upper limit) are checked for every result, after the remembered part.
 */
final class Conclusions {

    private final KnowledgeBase knowledge;

    Conclusions(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** What follows from the flags alone: the cross-source agreement and the associations they trigger. */
    record Drawn(Optional<Agreement> agreement, List<Association> associations) {}

    private static final Drawn NO_CONCLUSIONS = new Drawn(Optional.empty(), List.of());

    /** Bound on remembered flag combinations; past it the map is emptied (old ranges' entries go with it). */
    static final int MAX_REMEMBERED_CONCLUSIONS = 4096;

    private final ConcurrentHashMap<Verdicts, Drawn> remembered = new ConcurrentHashMap<>();

    /**
     * Agreement and associations depend only on which range revision gave which flag, and a handful of
     * combinations covers almost every result, so each combination is worked out (texts included) once.
     */
    Drawn of(Analyte analyte, List<SourceInterpretation> interpretations) {
        if (interpretations.isEmpty()) {
            return NO_CONCLUSIONS;
        }
        Drawn fromFlags = fromFlags(analyte, interpretations);
        List<Association> hints = null;
        for (KnowledgeBase.AssociationRule rule : knowledge.associations()) {
            if (!rule.dependsOnValue() || !rule.analyte().equals(analyte.knowledgeKey())) {
                continue;
            }
            Optional<String> basis = PatternEvaluator.basis(rule.when(), rule.multiple(), interpretations);
            if (basis.isPresent()) {
                if (hints == null) {
                    hints = new ArrayList<>(fromFlags.associations());
                }
                hints.add(association(rule, basis.get()));
            }
        }
        return hints == null ? fromFlags : new Drawn(fromFlags.agreement(), List.copyOf(hints));
    }

    private Drawn fromFlags(Analyte analyte, List<SourceInterpretation> interpretations) {
        Verdicts key = new Verdicts(analyte, interpretations);
        Drawn known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Drawn fresh = new Drawn(
                Optional.of(SourceAgreement.of(interpretations)), List.copyOf(associations(analyte, interpretations)));
        if (remembered.size() >= MAX_REMEMBERED_CONCLUSIONS) {
            remembered.clear();
        }
        remembered.put(key, fresh);
        return fresh;
    }

    /**
     * The key of the remembered conclusions: the analyte and, per evaluated source, the range revision and the flag.
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

    private List<Association> associations(Analyte analyte, List<SourceInterpretation> interpretations) {
        List<Association> out = new ArrayList<>();
        for (KnowledgeBase.AssociationRule rule : knowledge.associations()) {
            if (rule.dependsOnValue() || !rule.analyte().equals(analyte.knowledgeKey())) {
                continue;
            }
            PatternEvaluator.basis(rule.when(), OptionalDouble.empty(), interpretations)
                    .ifPresent(b -> out.add(association(rule, b)));
        }
        return out;
    }

    private Association association(KnowledgeBase.AssociationRule rule, String basis) {
        return new Association(rule.id(), rule.text(), rule.conditions(), knowledge.cite(rule.citations()), basis);
    }
}
