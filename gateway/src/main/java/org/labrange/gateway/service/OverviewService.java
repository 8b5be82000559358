package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.labrange.gateway.client.RangeReads;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.gateway.domain.OverviewAssembler;
import org.labrange.gateway.domain.OverviewFindings;
import org.labrange.gateway.domain.Source;

/** Builds the side-by-side overview of an analyte's ranges across sources. */
@ApplicationScoped
public class OverviewService {

    private final RangeReads reads;
    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();

    OverviewService(RangeReads reads, GatewayConfig config) {
        this.reads = reads;
        this.config = config;
    }

    public Uni<AnalyteOverview> overview(
            String code, MultivaluedMap<String, String> filters, Map<String, String> headers) {
        String encodedCode = URLEncoder.encode(code, StandardCharsets.UTF_8);
        Uni<JsonNode> analyte = reads.getJson(Upstream.RANGES, "/api/v1/analytes/" + encodedCode, headers);
        Uni<JsonNode> ranges =
                reads.getJson(Upstream.RANGES, "/api/v1/ranges?" + rangeQuery(encodedCode, filters), headers);
        Uni<Map<String, JsonNode>> sources = reads.sources(headers);
        return Uni.combine().all().unis(analyte, ranges, sources).asTuple().flatMap(first -> {
            List<JsonNode> inEffect = new ArrayList<>();
            first.getItem2().forEach(inEffect::add);
            Set<String> ids = new LinkedHashSet<>();
            inEffect.forEach(r -> ids.add(r.path("rangeId").asText()));
            boolean skipped = ids.size() > config.reports().maxRangeHistories();
            Uni<Map<String, Optional<List<JsonNode>>>> histories =
                    skipped ? Uni.createFrom().item(Map.of()) : reads.histories(ids, headers);
            Set<String> named = new LinkedHashSet<>();
            inEffect.forEach(r -> named.add(r.path("sourceCode").asText()));
            Uni<Map<String, JsonNode>> sourcesNow = reads.sourcesKnowing(first.getItem3(), named, headers);
            return Uni.combine()
                    .all()
                    .unis(histories, sourcesNow)
                    .asTuple()
                    .map(read -> overview(first.getItem1(), inEffect, read.getItem2(), read.getItem1(), skipped));
        });
    }

    /** The overview: the domain's findings with the analyte and each range as the service served them. */
    private AnalyteOverview overview(
            JsonNode analyte,
            List<JsonNode> inEffect,
            Map<String, JsonNode> sources,
            Map<String, Optional<List<JsonNode>>> histories,
            boolean skipped) {
        Map<String, Source> sourcesByCode = new LinkedHashMap<>();
        sources.forEach((code, source) -> sourcesByCode.put(code, UpstreamAnswers.source(source)));
        OverviewFindings findings = OverviewAssembler.assemble(
                inEffect.stream().map(UpstreamAnswers::rangeInEffect).toList(),
                sourcesByCode,
                UpstreamAnswers.histories(histories),
                skipped,
                LocalDate.now(clock));
        List<AnalyteOverview.SourceRanges> grouped = findings.sources().stream()
                .map(group -> new AnalyteOverview.SourceRanges(
                        group.sourceCode(),
                        group.name().orElse(null),
                        group.kind().orElse(null),
                        group.citation().orElse(null),
                        group.ranges().stream()
                                .map(standing -> new AnalyteOverview.RangeSummary(
                                        inEffect.get(standing.position()),
                                        standing.revisionCount().orElse(null),
                                        standing.lastRevision().orElse(null)))
                                .toList()))
                .toList();
        return new AnalyteOverview(
                analyte, clock.instant(), grouped, findings.sourcesWithoutRanges(), findings.warnings());
    }

    private static String rangeQuery(String encodedCode, MultivaluedMap<String, String> filters) {
        String passed = filters.entrySet().stream()
                .filter(e -> !e.getKey().equals("analyte"))
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return "analyte=" + encodedCode + (passed.isEmpty() ? "" : "&" + passed);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
