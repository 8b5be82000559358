package org.labrange.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.labrange.gateway.client.ServiceVersions;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.gateway.domain.Report;
import org.labrange.gateway.domain.ReportAssembler;

/**
 * Builds a report: first, concurrently, the interpretation, the sources and the service versions;
 * then, concurrently, the history of every range the interpretation used. A failing upstream
 * fails the whole report (503 or the upstream's own error): a report is never silently partial.
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

    public Uni<Report> report(JsonNode body, Map<String, String> headers) {
        validate(body);
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
                    Set<String> used = ReportAssembler.rangeIdsUsed(first.interpretation());
                    boolean skipped = used.size() > config.reports().maxRangeHistories();
                    Uni<Map<String, Optional<List<JsonNode>>>> histories =
                            skipped ? Uni.createFrom().item(Map.of()) : reads.histories(used, headers);
                    return histories.map(byId -> {
                        Map<String, Optional<String>> serviceVersions = new LinkedHashMap<>();
                        serviceVersions.put("gateway", Optional.of(gatewayVersion));
                        serviceVersions.put(Upstream.INTERPRETATION.serviceName(), first.interpretationVersion());
                        serviceVersions.put(Upstream.RANGES.serviceName(), first.rangesVersion());
                        return ReportAssembler.assemble(new ReportAssembler.Inputs(
                                reportId,
                                body,
                                first.interpretation(),
                                first.sources(),
                                byId,
                                skipped,
                                serviceVersions,
                                headers.getOrDefault(RequestIds.HEADER, "unknown"),
                                requestedAt,
                                clock.instant()));
                    });
                });
    }

    private record FirstRound(
            JsonNode interpretation,
            Map<String, JsonNode> sources,
            Optional<String> interpretationVersion,
            Optional<String> rangesVersion) {}

    private static void validate(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("", "the body must be a JSON object")));
        }
        JsonNode results = body.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            errors.add(new Problem.FieldError("results", "must be a non-empty array"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                JsonNode id = results.get(i).get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    errors.add(new Problem.FieldError(
                            "results[" + i + "].id", "is required to match results to their interpretation"));
                } else if (!ids.add(id.asText())) {
                    errors.add(new Problem.FieldError("results[" + i + "].id", "duplicates an earlier result id"));
                }
            }
        }
        JsonNode reportId = body.get("reportId");
        if (reportId != null && !reportId.isNull() && !reportId.isTextual()) {
            errors.add(new Problem.FieldError("reportId", "must be a string"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
