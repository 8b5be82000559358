package org.labrange.gateway.fhir.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ObservationDefinition;
import org.labrange.gateway.client.RangeReads;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.fhir.mapping.CatalogueDefinitions;

/**
 * The range catalogue as ObservationDefinitions, read from reference-ranges-service: the ranges of an
 * analyte (in effect today, retired ones included) and the full revision history of each.
 */
@ApplicationScoped
public class FhirCatalogue {

    private final RangeReads reads;

    FhirCatalogue(RangeReads reads) {
        this.reads = reads;
    }

    /** The current version of every source's definition for an analyte; empty when it has no ranges. */
    public Uni<List<ObservationDefinition>> search(String analyte, Map<String, String> headers) {
        return bySource(analyte, Optional.empty(), headers)
                .map(versions -> versions.values().stream()
                        .filter(list -> !list.isEmpty())
                        .map(list -> list.get(list.size() - 1))
                        .toList());
    }

    /** Every version of one definition, oldest first; empty when the catalogue has no such definition. */
    public Uni<List<ObservationDefinition>> versions(String analyte, String source, Map<String, String> headers) {
        return bySource(analyte, Optional.of(source), headers)
                .map(versions -> versions.getOrDefault(source, List.of()));
    }

    private Uni<Map<String, List<ObservationDefinition>>> bySource(
            String analyte, Optional<String> source, Map<String, String> headers) {
        String query = "/api/v1/ranges?includeRetired=true&analyte=" + encode(analyte)
                + source.map(s -> "&source=" + encode(s)).orElse("");
        return reads.getJson(Upstream.RANGES, query, headers).flatMap(ranges -> {
            Map<String, Set<String>> rangeIdsBySource = new LinkedHashMap<>();
            for (JsonNode range : ranges) {
                rangeIdsBySource
                        .computeIfAbsent(range.path("sourceCode").asText(), s -> new LinkedHashSet<>())
                        .add(range.path("rangeId").asText());
            }
            if (rangeIdsBySource.isEmpty()) {
                return Uni.createFrom().item(Map.<String, List<ObservationDefinition>>of());
            }
            Set<String> all = new LinkedHashSet<>();
            rangeIdsBySource.values().forEach(all::addAll);
            Uni<JsonNode> analyteRead = reads.getJson(Upstream.RANGES, "/api/v1/analytes/" + encode(analyte), headers);
            return Uni.combine()
                    .all()
                    .unis(analyteRead, reads.histories(all, headers))
                    .asTuple()
                    .map(both -> {
                        Map<String, List<ObservationDefinition>> result = new LinkedHashMap<>();
                        rangeIdsBySource.forEach((code, ids) -> {
                            List<List<JsonNode>> histories = new ArrayList<>();
                            ids.forEach(id -> both.getItem2()
                                    .getOrDefault(id, Optional.empty())
                                    .ifPresent(histories::add));
                            result.put(code, CatalogueDefinitions.versions(both.getItem1(), code, histories));
                        });
                        return result;
                    });
        });
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
