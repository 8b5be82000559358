package org.labrange.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.gateway.domain.AnalyteOverview;
import org.labrange.gateway.domain.OverviewAssembler;

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
            return histories.map(byId -> OverviewAssembler.assemble(
                    first.getItem1(),
                    inEffect,
                    first.getItem3(),
                    byId,
                    skipped,
                    LocalDate.now(clock),
                    clock.instant()));
        });
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
