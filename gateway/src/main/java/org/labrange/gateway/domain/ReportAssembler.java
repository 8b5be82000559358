package org.labrange.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a {@link Report} from what the services answered. It never invents a flag: everything
 * clinical comes from the interpretation service, and anything missing becomes a warning.
 */
public final class ReportAssembler {

    /**
     * Everything the report is made from.
     *
     * @param request          the client's report request
     * @param interpretation   interpretation-service's batch answer
     * @param sources          reference-ranges-service's sources by code
     * @param histories        history of each range used, by range id; empty when the range was not found
     * @param historiesSkipped true when too many ranges were used to read every history
     * @param serviceVersions  version per service name, in display order
     */
    public record Inputs(
            Optional<String> reportId,
            JsonNode request,
            JsonNode interpretation,
            Map<String, JsonNode> sources,
            Map<String, Optional<List<JsonNode>>> histories,
            boolean historiesSkipped,
            Map<String, Optional<String>> serviceVersions,
            String requestId,
            Instant requestedAt,
            Instant completedAt) {}

    private ReportAssembler() {}

    /** The range ids an interpretation answer relied on, in order of first use. */
    public static Set<String> rangeIdsUsed(JsonNode interpretation) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode result : Json.list(interpretation, "results")) {
            for (JsonNode entry : Json.list(result, "interpretations")) {
                String rangeId = Json.text(Json.nodeOrNull(entry, "range"), "rangeId");
                if (rangeId != null) {
                    ids.add(rangeId);
                }
            }
        }
        return ids;
    }

    public static Report assemble(Inputs in) {
        List<Warning> warnings = new ArrayList<>();
        Map<String, JsonNode> inputResults = new LinkedHashMap<>();
        for (JsonNode result : Json.list(in.request(), "results")) {
            inputResults.put(Json.text(result, "id"), result);
        }
        Set<String> requestedSources = new LinkedHashSet<>();
        Json.list(in.request(), "sources").forEach(s -> requestedSources.add(s.asText()));
        for (String source : requestedSources) {
            if (!in.sources().containsKey(source)) {
                warnings.add(Warning.clinical(
                        "unknown-source",
                        "Source '" + source + "' was requested but reference-ranges-service does not know it.",
                        null));
            }
        }

        List<Report.ResultEntry> results = new ArrayList<>();
        List<Report.Disagreement> disagreements = new ArrayList<>();
        List<Report.DeltaCheck> deltaChecks = new ArrayList<>();
        Map<String, Report.RangeRevisionRef> revisionsUsed = new LinkedHashMap<>();
        Set<String> answered = new LinkedHashSet<>();
        Set<String> historyWarned = new LinkedHashSet<>();

        for (JsonNode result : Json.list(in.interpretation(), "results")) {
            String id = Json.text(result, "id");
            answered.add(id);
            String status = Json.text(result, "status");
            String analyteCode = Json.text(Json.nodeOrNull(result, "analyte"), "code");
            warnings.addAll(statusWarnings(id, status, result, requestedSources));

            List<Report.RangeHistory> ranges = new ArrayList<>();
            for (JsonNode entry : Json.list(result, "interpretations")) {
                JsonNode range = Json.nodeOrNull(entry, "range");
                String rangeId = Json.text(range, "rangeId");
                if (rangeId == null) {
                    continue;
                }
                String source = Json.text(entry, "source");
                int used = Json.revision(range);
                Optional<List<JsonNode>> history = in.histories().getOrDefault(rangeId, Optional.empty());
                if (history.isEmpty() && !in.historiesSkipped() && historyWarned.add(rangeId)) {
                    warnings.add(Warning.notice(
                            "range-history-unavailable",
                            "The history of range " + rangeId + " (" + source + ") could not be read.",
                            id));
                }
                List<JsonNode> revisions = history.orElse(List.of()).stream()
                        .sorted(Comparator.comparingInt(Json::revision))
                        .toList();
                Integer latest = revisions.isEmpty() ? null : Json.revision(revisions.get(revisions.size() - 1));
                JsonNode sourceInfo = in.sources().get(source);
                ranges.add(new Report.RangeHistory(
                        source,
                        Json.text(sourceInfo, "name"),
                        Json.text(sourceInfo, "kind"),
                        rangeId,
                        used,
                        latest,
                        latest != null && latest == used,
                        range,
                        revisions));
                String recordedAt = revisions.stream()
                        .filter(r -> Json.revision(r) == used)
                        .findFirst()
                        .map(r -> Json.text(r, "recordedAt"))
                        .orElse(null);
                revisionsUsed.putIfAbsent(
                        rangeId + "#" + used,
                        new Report.RangeRevisionRef(
                                source, analyteCode, rangeId, used, Json.text(range, "effectiveFrom"), recordedAt));
            }

            disagreement(id, analyteCode, result).ifPresent(disagreements::add);
            JsonNode delta = Json.nodeOrNull(result, "delta");
            JsonNode possible = Json.nodeOrNull(delta, "possible");
            if (delta != null && !(possible != null && possible.isBoolean() && !possible.asBoolean())) {
                deltaChecks.add(new Report.DeltaCheck(id, analyteCode, delta));
            }
            results.add(new Report.ResultEntry(
                    id,
                    status,
                    Json.text(inputResults.get(id), "collectedAt"),
                    Json.text(result, "collectionDate"),
                    Json.nodeOrNull(result, "analyte"),
                    Json.nodeOrNull(result, "value"),
                    Json.list(result, "interpretations"),
                    ranges,
                    Json.list(result, "notEvaluated"),
                    Json.nodeOrNull(result, "agreement"),
                    delta,
                    Json.list(result, "associations"),
                    Json.list(result, "problems")));
        }

        for (String id : inputResults.keySet()) {
            if (!answered.contains(id)) {
                warnings.add(Warning.clinical(
                        "result-missing", "interpretation-service returned nothing for result " + id + ".", id));
            }
        }
        JsonNode rangesState = Json.nodeOrNull(in.interpretation(), "ranges");
        JsonNode stale = Json.nodeOrNull(rangesState, "stale");
        if (stale != null && stale.asBoolean(false)) {
            warnings.add(Warning.notice(
                    "ranges-cached",
                    "interpretation-service could not confirm the latest ranges and used its cached copy (confirmed at "
                            + Json.text(rangesState, "confirmedAt") + ").",
                    null));
        }
        if (in.historiesSkipped()) {
            warnings.add(Warning.notice(
                    "range-histories-skipped",
                    "The panel used too many distinct ranges to include every range's history.",
                    null));
        }
        List<Report.ServiceVersion> services = new ArrayList<>();
        in.serviceVersions().forEach((name, version) -> {
            services.add(new Report.ServiceVersion(name, version.orElse(null)));
            if (version.isEmpty()) {
                warnings.add(Warning.notice("service-version-unknown", name + " did not report its version.", null));
            }
        });

        JsonNode patient = Json.nodeOrNull(in.request(), "patient");
        Report.PatientSummary patientSummary = new Report.PatientSummary(
                Json.text(patient, "id"),
                Json.text(patient, "sex"),
                Json.text(patient, "birthDate"),
                Json.text(patient, "age"));
        Report.Provenance provenance = new Report.Provenance(
                in.requestId(),
                in.requestedAt(),
                in.completedAt(),
                Json.text(in.interpretation(), "evaluatedAt"),
                Json.text(in.interpretation(), "rulesVersion"),
                rangesState,
                services,
                List.copyOf(revisionsUsed.values()));
        boolean complete = warnings.stream().noneMatch(w -> w.severity() == Warning.Severity.CLINICAL);
        return new Report(
                in.reportId().orElseGet(() -> UUID.randomUUID().toString()),
                patientSummary,
                complete,
                warnings,
                results,
                disagreements,
                Json.list(in.interpretation(), "patterns"),
                deltaChecks,
                provenance);
    }

    private static List<Warning> statusWarnings(
            String id, String status, JsonNode result, Set<String> requestedSources) {
        List<Warning> warnings = new ArrayList<>();
        if ("REJECTED".equals(status)) {
            String why = Json.list(result, "problems").stream()
                    .map(p -> Optional.ofNullable(Json.text(p, "field"))
                                    .map(f -> f + ": ")
                                    .orElse("")
                            + Optional.ofNullable(Json.text(p, "reason")).orElse(p.toString()))
                    .collect(Collectors.joining("; "));
            warnings.add(Warning.clinical(
                    "result-rejected",
                    "Result " + id + " was rejected and not interpreted" + (why.isEmpty() ? "." : ": " + why),
                    id));
        } else if ("NO_RANGE".equals(status)) {
            warnings.add(Warning.clinical(
                    "no-range",
                    "Result " + id + " has no applicable range, so it carries no flag" + reasons(result) + ".",
                    id));
        } else if (!"INTERPRETED".equals(status)) {
            warnings.add(Warning.clinical(
                    "unknown-status",
                    "Result " + id + " came back with status " + status + ", which this gateway does not know.",
                    id));
        } else {
            for (JsonNode skipped : Json.list(result, "notEvaluated")) {
                String source = Json.text(skipped, "source");
                String message = "Result " + id + " was not evaluated against " + source + ": "
                        + Json.text(skipped, "reason") + ".";
                // A source the client asked for by name is part of the answer it expects.
                warnings.add(
                        requestedSources.contains(source)
                                ? Warning.clinical("source-not-evaluated", message, id)
                                : Warning.notice("source-not-evaluated", message, id));
            }
        }
        return warnings;
    }

    private static String reasons(JsonNode result) {
        String reasons = Json.list(result, "notEvaluated").stream()
                .map(n -> Json.text(n, "source") + ": " + Json.text(n, "reason"))
                .collect(Collectors.joining("; "));
        return reasons.isEmpty() ? "" : " (" + reasons + ")";
    }

    private static Optional<Report.Disagreement> disagreement(String id, String analyteCode, JsonNode result) {
        JsonNode agreement = Json.nodeOrNull(result, "agreement");
        Map<String, String> flags = new LinkedHashMap<>();
        JsonNode givenFlags = Json.nodeOrNull(agreement, "flags");
        if (givenFlags != null && givenFlags.isObject()) {
            givenFlags
                    .properties()
                    .forEach(f -> flags.put(f.getKey(), f.getValue().asText()));
        } else {
            for (JsonNode entry : Json.list(result, "interpretations")) {
                flags.put(Json.text(entry, "source"), Json.text(entry, "flag"));
            }
        }
        JsonNode unanimous = Json.nodeOrNull(agreement, "unanimous");
        boolean disagree = unanimous != null && unanimous.isBoolean()
                ? !unanimous.asBoolean()
                : flags.values().stream().distinct().count() > 1;
        if (!disagree) {
            return Optional.empty();
        }
        String summary = Optional.ofNullable(Json.text(agreement, "summary"))
                .orElseGet(() -> flags.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", "Sources disagree: ", "")));
        return Optional.of(new Report.Disagreement(id, analyteCode, flags, summary));
    }
}
