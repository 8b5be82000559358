package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.labrange.gateway.client.RangeReads;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.gateway.domain.InterpretationAnswer;
import org.labrange.gateway.domain.ReportAssembler;
import org.labrange.gateway.domain.ReportFindings;
import org.labrange.gateway.domain.ReportFindings.ResultFindings;
import org.labrange.gateway.domain.Source;
import org.labrange.gateway.service.Report.DeltaCheck;
import org.labrange.gateway.service.Report.PatientSummary;
import org.labrange.gateway.service.Report.Provenance;
import org.labrange.gateway.service.Report.RangeHistory;
import org.labrange.gateway.service.Report.ResultEntry;

/**
 * Builds a report: first, concurrently, the interpretation, the sources and the service versions;
 * then, concurrently, the history of every range the interpretation used. A failing upstream
 * fails the whole report (503 or the upstream's own error): a report is never silently partial.
 *
 * <p>A {@code knownAt} in the request travels to interpretation-service with the rest of the batch. The
 * histories are read as known at the interpretation's {@code basis.knownAt} (the requested moment, or
 * when the latest range change it used was recorded), so that a report and its reproduction with that
 * {@code knownAt} agree field by field, histories included.
 */
@ApplicationScoped
public class ReportService {

    private final RangeReads reads;
    private final ServiceVersions versions;
    private final GatewayConfig config;
    private final String gatewayVersion;
    private final Clock clock = Clock.systemUTC();

    ReportService(
            RangeReads reads,
            ServiceVersions versions,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String gatewayVersion) {
        this.reads = reads;
        this.versions = versions;
        this.config = config;
        this.gatewayVersion = gatewayVersion;
    }

    /**
     * @param body      the client's report request, already checked by the API
     * @param requestId the correlation id of the request
     * @param headers   the headers passed on to the upstreams
     */
    public Uni<Report> report(JsonNode body, String requestId, Map<String, String> headers) {
        Instant requestedAt = clock.instant();
        ObjectNode batch = ((ObjectNode) body).deepCopy();
        Optional<String> reportId = Optional.ofNullable(batch.remove("reportId"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        if (batch.get("patient") instanceof ObjectNode patient) {
            patient.remove("id"); // the caller's patient id stays at the edge
        }

        Uni<JsonNode> interpretation =
                reads.postJson(Upstream.INTERPRETATION, "/api/v1/interpretations", batch, headers);
        Uni<Map<String, JsonNode>> sources = reads.sources(headers);
        Uni<Optional<String>> interpretationVersion = versions.versionOf(Upstream.INTERPRETATION);
        Uni<Optional<String>> rangesVersion = versions.versionOf(Upstream.RANGES);

        return Uni.combine()
                .all()
                .unis(interpretation, sources, interpretationVersion, rangesVersion)
                .with((answer, sourcesByCode, iv, rv) -> new FirstRound(answer, sourcesByCode, iv, rv))
                .flatMap(first -> {
                    InterpretationAnswer answer = UpstreamAnswers.interpretation(first.interpretation());
                    Set<String> used = ReportAssembler.rangeIdsUsed(answer);
                    boolean skipped = used.size() > config.reports().maxRangeHistories();
                    Optional<String> knownAt = UpstreamAnswers.node(first.interpretation(), "basis")
                            .flatMap(basis -> UpstreamAnswers.text(basis, "knownAt"));
                    Uni<Map<String, Optional<List<JsonNode>>>> histories =
                            skipped ? Uni.createFrom().item(Map.of()) : reads.histories(used, knownAt, headers);
                    Uni<Map<String, JsonNode>> sourcesNamed = reads.sourcesKnowing(
                            first.sources(),
                            ReportAssembler.sourcesNamed(UpstreamAnswers.panelRequest(body), answer),
                            headers);
                    return Uni.combine()
                            .all()
                            .unis(histories, sourcesNamed)
                            .asTuple()
                            .map(read -> {
                                Map<String, Optional<List<JsonNode>>> byId = read.getItem1();
                                Map<String, Optional<String>> serviceVersions = new LinkedHashMap<>();
                                serviceVersions.put("gateway", Optional.of(gatewayVersion));
                                serviceVersions.put(
                                        Upstream.INTERPRETATION.serviceName(), first.interpretationVersion());
                                serviceVersions.put(Upstream.RANGES.serviceName(), first.rangesVersion());
                                Map<String, Source> sourcesByCode = new LinkedHashMap<>();
                                read.getItem2()
                                        .forEach((code, source) ->
                                                sourcesByCode.put(code, UpstreamAnswers.source(source)));
                                ReportFindings findings = ReportAssembler.assemble(new ReportAssembler.Inputs(
                                        UpstreamAnswers.panelRequest(body),
                                        answer,
                                        sourcesByCode,
                                        UpstreamAnswers.histories(byId),
                                        skipped,
                                        serviceVersions));
                                Provenance provenance = new Provenance(
                                        requestId,
                                        requestedAt,
                                        clock.instant(),
                                        text(first.interpretation(), "evaluatedAt"),
                                        text(first.interpretation(), "rulesVersion"),
                                        UpstreamAnswers.node(first.interpretation(), "ranges")
                                                .orElse(null),
                                        UpstreamAnswers.node(first.interpretation(), "basis")
                                                .orElse(null),
                                        findings.services(),
                                        findings.rangeRevisions());
                                return report(reportId, body, first.interpretation(), byId, findings, provenance);
                            });
                });
    }

    private record FirstRound(
            JsonNode interpretation,
            Map<String, JsonNode> sources,
            Optional<String> interpretationVersion,
            Optional<String> rangesVersion) {}

    /** The report: the domain's findings with the upstream parts carried as they were answered. */
    private static Report report(
            Optional<String> reportId,
            JsonNode request,
            JsonNode interpretation,
            Map<String, Optional<List<JsonNode>>> histories,
            ReportFindings findings,
            Provenance provenance) {
        List<JsonNode> answered = UpstreamAnswers.list(interpretation, "results");
        List<ResultEntry> results = new ArrayList<>();
        List<DeltaCheck> deltaChecks = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            JsonNode result = answered.get(i);
            ResultFindings found = findings.results().get(i);
            List<JsonNode> entries = UpstreamAnswers.list(result, "interpretations");
            List<RangeHistory> ranges = found.ranges().stream()
                    .map(range -> {
                        List<JsonNode> history = histories
                                .getOrDefault(range.rangeId(), Optional.empty())
                                .orElse(List.of());
                        return new RangeHistory(
                                range.source(),
                                range.sourceName().orElse(null),
                                range.sourceKind().orElse(null),
                                range.rangeId(),
                                range.revisionUsed(),
                                range.latestRevision().orElse(null),
                                range.usedRevisionIsLatest(),
                                UpstreamAnswers.node(entries.get(range.entry()), "range")
                                        .orElse(null),
                                range.historyOrder().stream().map(history::get).toList());
                    })
                    .toList();
            String id = text(result, "id");
            Optional<JsonNode> delta = UpstreamAnswers.node(result, "delta");
            String analyteCode = UpstreamAnswers.node(result, "analyte")
                    .flatMap(a -> UpstreamAnswers.text(a, "code"))
                    .orElse(null);
            if (found.deltaCheck()) {
                deltaChecks.add(new DeltaCheck(id, analyteCode, delta.orElse(null)));
            }
            results.add(new ResultEntry(
                    id,
                    text(result, "status"),
                    found.collectedAt().orElse(null),
                    text(result, "collectionDate"),
                    UpstreamAnswers.node(result, "analyte").orElse(null),
                    UpstreamAnswers.node(result, "value").orElse(null),
                    entries,
                    ranges,
                    UpstreamAnswers.list(result, "notEvaluated"),
                    UpstreamAnswers.node(result, "agreement").orElse(null),
                    delta.orElse(null),
                    UpstreamAnswers.list(result, "associations"),
                    UpstreamAnswers.list(result, "problems")));
        }
        JsonNode patient = UpstreamAnswers.node(request, "patient").orElse(null);
        return new Report(
                reportId.orElseGet(() -> UUID.randomUUID().toString()),
                new PatientSummary(
                        text(patient, "id"), text(patient, "sex"), text(patient, "birthDate"), text(patient, "age")),
                findings.complete(),
                findings.warnings(),
                results,
                findings.disagreements(),
                UpstreamAnswers.list(interpretation, "patterns"),
                deltaChecks,
                UpstreamAnswers.node(interpretation, "basis").orElse(null),
                provenance);
    }

    private static String text(JsonNode node, String field) {
        return UpstreamAnswers.text(node, field).orElse(null);
    }
}
