package org.labrange.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Groups the ranges in effect for an analyte by source and adds each range's last revision. */
public final class OverviewAssembler {

    private OverviewAssembler() {}

    /**
     * @param ranges    the revisions in effect, as /ranges?analyte= answered
     * @param sources   every known source by code
     * @param histories each range's history by range id; empty when it could not be read
     */
    public static AnalyteOverview assemble(
            JsonNode analyte,
            List<JsonNode> ranges,
            Map<String, JsonNode> sources,
            Map<String, Optional<List<JsonNode>>> histories,
            boolean historiesSkipped,
            LocalDate today,
            Instant now) {
        Map<String, List<AnalyteOverview.RangeSummary>> bySource = new TreeMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (JsonNode range : ranges) {
            String rangeId = Json.text(range, "rangeId");
            Optional<List<JsonNode>> history = histories.getOrDefault(rangeId, Optional.empty());
            if (history.isEmpty() && !historiesSkipped) {
                warnings.add(Warning.notice(
                        "range-history-unavailable", "The history of range " + rangeId + " could not be read.", null));
            }
            AnalyteOverview.LastRevision last = history.flatMap(
                            h -> h.stream().max(Comparator.comparingInt(Json::revision)))
                    .map(r -> lastRevision(r, today))
                    .orElse(null);
            bySource.computeIfAbsent(
                            Optional.ofNullable(Json.text(range, "sourceCode")).orElse("?"), k -> new ArrayList<>())
                    .add(new AnalyteOverview.RangeSummary(
                            range, history.map(List::size).orElse(null), last));
        }
        if (historiesSkipped) {
            warnings.add(Warning.notice(
                    "range-histories-skipped",
                    "Too many ranges to read every history; lastRevision is missing.",
                    null));
        }
        List<AnalyteOverview.SourceRanges> grouped = new ArrayList<>();
        bySource.forEach((code, summaries) -> {
            JsonNode source = sources.get(code);
            grouped.add(new AnalyteOverview.SourceRanges(
                    code,
                    Json.text(source, "name"),
                    Json.text(source, "kind"),
                    Json.text(source, "citation"),
                    summaries));
        });
        List<String> without = sources.keySet().stream()
                .filter(code -> !bySource.containsKey(code))
                .sorted()
                .toList();
        return new AnalyteOverview(analyte, now, grouped, without, warnings);
    }

    private static AnalyteOverview.LastRevision lastRevision(JsonNode revision, LocalDate today) {
        String effectiveFrom = Json.text(revision, "effectiveFrom");
        boolean scheduled = false;
        if (effectiveFrom != null) {
            try {
                scheduled = LocalDate.parse(effectiveFrom).isAfter(today);
            } catch (DateTimeParseException e) {
                scheduled = false;
            }
        }
        return new AnalyteOverview.LastRevision(
                Json.revision(revision),
                Json.text(revision, "status"),
                effectiveFrom,
                Json.text(revision, "recordedAt"),
                Json.text(revision, "recordedBy"),
                Json.text(revision, "reason"),
                scheduled);
    }
}
