package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.labrange.gateway.client.RangeReads;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;
import org.labrange.gateway.service.AnalyteOverview;
import org.labrange.gateway.service.OverviewService;

/** Catalogue search and the analyte page, built on the same overview the API serves. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class CatalogueResource {

    private final ConsoleCalls calls;
    private final Pages pages;
    private final OverviewService overviews;
    private final RangeReads reads;

    CatalogueResource(ConsoleCalls calls, Pages pages, OverviewService overviews, RangeReads reads) {
        this.calls = calls;
        this.pages = pages;
        this.overviews = overviews;
        this.reads = reads;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/catalogue")).build();
    }

    @GET
    @Path("/catalogue")
    public Response catalogue(@QueryParam("q") String q) {
        String query = q == null ? "" : q.strip();
        try {
            JsonNode analytes = calls.get(
                    Upstream.RANGES, "/api/v1/analytes" + (query.isEmpty() ? "" : "?q=" + ConsoleCalls.encode(query)));
            List<Map<String, Object>> entries = new ArrayList<>();
            for (JsonNode analyte : analytes) {
                AnalyteOverview overview = overview(analyte.path("code").asText());
                List<String> aliases = new ArrayList<>();
                analyte.path("aliases").forEach(a -> aliases.add(a.asText()));
                entries.add(Map.of(
                        "analyte", analyte,
                        "aliases", String.join(", ", aliases),
                        "sources", overview.sources(),
                        "sourcesWithoutRanges", String.join(", ", overview.sourcesWithoutRanges())));
            }
            return pages.ok(pages.page("catalogue").data("q", query).data("analytes", entries));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @GET
    @Path("/analyte")
    public Response analyte(@QueryParam("code") String code, @QueryParam("saved") String saved) {
        try {
            AnalyteOverview overview = overview(code == null ? "" : code);
            Set<String> ids = new LinkedHashSet<>();
            Map<String, String> labels = new java.util.HashMap<>();
            for (AnalyteOverview.SourceRanges source : overview.sources()) {
                for (AnalyteOverview.RangeSummary range : source.ranges()) {
                    String id = range.current().path("rangeId").asText();
                    ids.add(id);
                    labels.put(
                            id,
                            source.name() + " · "
                                    + Formats.population(range.current().path("population")));
                }
            }
            var histories = calls.await(reads.histories(ids, calls.userHeaders()));
            List<RangeChart.Lane> lanes = new ArrayList<>();
            histories.forEach(
                    (id, history) -> history.ifPresent(revisions -> lanes.add(lane(labels.get(id), revisions))));
            String chart = RangeChart.svg(lanes, LocalDate.now(ZoneOffset.UTC));
            JsonNode coverage = calls.get(
                    Upstream.RANGES, "/api/v1/analytes/" + ConsoleCalls.encode(code == null ? "" : code) + "/coverage");
            return pages.ok(pages.page("analyte")
                    .data("overview", overview)
                    .data("coverage", coverageRows(coverage.path("groups")))
                    .data("coverageOn", coverage.path("effectiveOn").asText())
                    .data("saved", saved)
                    .data("analyte", overview.analyte())
                    .data("chart", new io.quarkus.qute.RawString(chart)));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    /** One source and category of the coverage answer, as the analyte page lists it. */
    public record CoverageRow(
            String sourceCode, String category, List<String> gaps, List<Overlap> overlaps, int conditionalRanges) {}

    /** Patients several ranges match; ambiguous when only the selection rule's tie-breaks decide between them. */
    public record Overlap(String text, boolean ambiguous, List<String> rangeIds) {}

    private static List<CoverageRow> coverageRows(JsonNode groups) {
        List<CoverageRow> rows = new ArrayList<>();
        for (JsonNode group : groups) {
            List<String> gaps = new ArrayList<>();
            group.path("gaps").forEach(gap -> gaps.add(gap.path("text").asText()));
            List<Overlap> overlaps = new ArrayList<>();
            for (JsonNode overlap : group.path("overlaps")) {
                List<String> ids = new ArrayList<>();
                overlap.path("rangeIds").forEach(id -> ids.add(id.asText()));
                overlaps.add(new Overlap(
                        overlap.path("text").asText(), overlap.path("ambiguous").asBoolean(false), ids));
            }
            rows.add(new CoverageRow(
                    group.path("sourceCode").asText(),
                    group.path("category").asText(),
                    gaps,
                    overlaps,
                    group.path("conditionalRangeIds").size()));
        }
        return rows;
    }

    private AnalyteOverview overview(String code) {
        return calls.await(overviews.overview(code, new MultivaluedHashMap<>(), calls.userHeaders()));
    }

    private static RangeChart.Lane lane(String label, List<JsonNode> revisions) {
        List<RangeChart.Band> bands = new ArrayList<>();
        String unit = "";
        for (JsonNode revision : revisions) {
            unit = revision.path("unit").asText(unit);
            bands.add(new RangeChart.Band(
                    LocalDate.parse(revision.path("effectiveFrom").asText()),
                    text(revision, "effectiveTo").map(LocalDate::parse),
                    text(revision, "low").map(BigDecimal::new),
                    text(revision, "high").map(BigDecimal::new),
                    revision.path("revision").asInt(),
                    "RETIRED".equals(revision.path("status").asText())));
        }
        return new RangeChart.Lane(label, unit, bands);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
