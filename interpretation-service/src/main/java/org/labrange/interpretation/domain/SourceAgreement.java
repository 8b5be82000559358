package org.labrange.interpretation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labrange.interpretation.domain.ResultInterpretation.Agreement;
import org.labrange.interpretation.domain.ResultInterpretation.NotEvaluated;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;

/**
 * Whether the sources that evaluated one result agree on its flag, and in words who said what. A range is always
 * named as a range ("High (range ≤ 0.3 mg/L)"), so a one-sided range never reads as the value.
 */
final class SourceAgreement {

    private SourceAgreement() {}

    static Agreement of(List<SourceInterpretation> interpretations) {
        Map<String, Flag> flags = new LinkedHashMap<>();
        Map<Flag, List<SourceInterpretation>> byFlag = new LinkedHashMap<>();
        for (SourceInterpretation i : interpretations) {
            flags.put(i.source(), i.flag());
            byFlag.computeIfAbsent(i.flag(), f -> new ArrayList<>()).add(i);
        }
        Map<String, Flag> shown = Collections.unmodifiableMap(flags);
        if (interpretations.size() == 1) {
            SourceInterpretation only = interpretations.get(0);
            return new Agreement(
                    true,
                    shown,
                    "Only " + only.source() + " evaluated: " + only.flag().display() + " (range "
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
                        .append(" (range ")
                        .append(i.range().text())
                        .append(')');
                separator = ", ";
            }
            groupSeparator = "; ";
        }
        return new Agreement(false, shown, parts.append('.').toString());
    }

    /**
     * The agreement of the sources that evaluated a result, saying which of the sources asked for did not
     * evaluate it and why: "All 2 sources agree" would mislead when three were asked. Sources that evaluated the
     * result but also had a range skipped are not named here (the skipped range is listed in notEvaluated).
     */
    static Agreement naming(
            Agreement agreement, List<SourceInterpretation> evaluated, List<NotEvaluated> notEvaluated) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (NotEvaluated n : notEvaluated) {
            if (!agreement.flags().containsKey(n.source())) {
                missing.computeIfAbsent(n.source(), s -> new ArrayList<>()).add(n.reason());
            }
        }
        if (missing.isEmpty()) {
            return agreement;
        }
        int asked = evaluated.size() + missing.size();
        StringBuilder summary = new StringBuilder(agreement.summary())
                .append(" Evaluated by ")
                .append(evaluated.size())
                .append(" of the ")
                .append(asked)
                .append(" sources asked; not evaluated: ");
        String separator = "";
        for (Map.Entry<String, List<String>> e : missing.entrySet()) {
            summary.append(separator)
                    .append(e.getKey())
                    .append(" (")
                    .append(String.join("; ", e.getValue()))
                    .append(')');
            separator = ", ";
        }
        return new Agreement(
                agreement.unanimous(), agreement.flags(), summary.append('.').toString());
    }
}
