package org.labrange.interpretation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labrange.interpretation.domain.ResultInterpretation.Agreement;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;

/** Whether the sources that evaluated one result agree on its flag, and in words who said what. */
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
}
