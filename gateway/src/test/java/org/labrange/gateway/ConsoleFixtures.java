package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * reference-ranges-service as the console's tests need it: the B2M catalogue, and Labcorp's serum range answering
 * writes like the real service (If-Match checked, each write a new revision) through a WireMock scenario.
 */
public final class ConsoleFixtures {

    public static final String LABCORP_SERUM = Fixtures.LABCORP_SERUM;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RANGE = "/api/v1/ranges/" + LABCORP_SERUM;
    private static final String QUEST_SERUM = Fixtures.QUEST_SERUM;
    private static final String ANALYTE = "/api/v1/analytes/1952-1";

    private ConsoleFixtures() {}

    public static void b2mCatalogue(WireMockServer ranges) {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.rangesAnswers(ranges, "analyte-1952-1.json", "analyte-1953-9.json", "range-labcorp-serum.json");
        Fixtures.json(
                ranges,
                "/api/v1/analytes",
                "[" + Fixtures.rangesAnswer("analyte-1952-1.json") + "," + Fixtures.rangesAnswer("analyte-1953-9.json")
                        + "]");
        Fixtures.json(ranges, "/api/v1/ranges?analyte=1952-1", Fixtures.rangesAnswer("ranges-1952-1-female.json"));
        Fixtures.json(ranges, "/api/v1/ranges?analyte=1953-9", Fixtures.rangesAnswer("ranges-1953-9.json"));
        Fixtures.rangesAnswers(ranges, "audit.json");
        b2mCoverage(ranges);
    }

    /** Revision n of Labcorp's serum range: revision 1 as seeded, later ones with a higher upper limit each. */
    public static ObjectNode labcorp(int n) {
        try {
            ObjectNode first = (ObjectNode) MAPPER.readTree(Fixtures.rangesAnswer("range-labcorp-serum.json"));
            if (n == 1) {
                return first;
            }
            ObjectNode later = first.deepCopy();
            later.put("revision", n);
            later.put("sequence", 10 + n);
            later.put("low", 0.8);
            later.put(
                    "high",
                    new java.math.BigDecimal("2.4")
                            .add(new java.math.BigDecimal("0.1").multiply(java.math.BigDecimal.valueOf(n - 1))));
            later.put("action", "REVISE");
            later.put("effectiveFrom", "2026-11-2" + n);
            later.put("recordedBy", "admin");
            later.put("recordedAt", "2026-11-30T10:0" + n + ":00Z");
            later.put("reason", "Method change " + n);
            return later;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Labcorp's serum range as a small state machine: a PUT with If-Match of the latest revision makes the next one;
     * a PUT with an older revision is refused 412. Revisions 1 → 2 → 3.
     */
    public static void labcorpAcceptsRevisions(WireMockServer ranges) {
        String scenario = "labcorp";
        String[] states = {Scenario.STARTED, "revision 2", "revision 3"};
        for (int n = 1; n <= 3; n++) {
            String state = states[n - 1];
            StringBuilder history = new StringBuilder("[");
            for (int k = 1; k <= n; k++) {
                ObjectNode revision = labcorp(k);
                if (k < n) {
                    revision.put(
                            "effectiveTo", labcorp(k + 1).path("effectiveFrom").asText());
                }
                history.append(k > 1 ? "," : "").append(revision);
            }
            history.append(']');
            ranges.stubFor(get(urlPathEqualTo(RANGE))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(json(labcorp(n).toString()).withHeader("ETag", "\"" + n + "\"")));
            ranges.stubFor(get(urlPathEqualTo(RANGE + "/revisions/" + n))
                    .willReturn(json(labcorp(n).toString())));
            ranges.stubFor(get(urlPathEqualTo(RANGE + "/revisions"))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(json(history.toString())));
            if (n < 3) {
                ranges.stubFor(put(urlEqualTo(RANGE))
                        .inScenario(scenario)
                        .whenScenarioStateIs(state)
                        .withHeader("If-Match", equalTo("\"" + n + "\""))
                        .willReturn(json(labcorp(n + 1).toString()).withHeader("ETag", "\"" + (n + 1) + "\""))
                        .willSetStateTo(states[n]));
            }
        }
        // any other If-Match is stale: the real service's precondition-failed problem
        ranges.stubFor(put(urlEqualTo(RANGE))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(412)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://labrange.dev/problems/precondition-failed\","
                                + "\"title\":\"Precondition failed\",\"status\":412,"
                                + "\"detail\":\"The range has changed since revision you sent\"}")));
        ranges.stubFor(get(urlEqualTo(RANGE + "/diff?from=1&to=2"))
                .willReturn(json("{\"rangeId\":\"" + LABCORP_SERUM + "\",\"from\":1,\"to\":2,\"changes\":["
                        + "{\"field\":\"low\",\"from\":\"0.6\",\"to\":\"0.8\"},"
                        + "{\"field\":\"effectiveFrom\",\"from\":\"2022-01-01\",\"to\":\"2026-11-22\"}]}")));
    }

    /**
     * The coverage of an analyte as the service answers it (Coverage schema): Labcorp's reference ranges leave
     * children under 18 uncovered and Quest's two ranges overlap for adults, equally specific about sex.
     */
    public static void b2mCoverage(WireMockServer ranges) {
        ranges.stubFor(
                get(urlPathEqualTo(ANALYTE + "/coverage"))
                        .willReturn(
                                json(
                                        "{\"analyteCode\":\"1952-1\",\"effectiveOn\":\"2026-12-02\","
                                                + "\"knownAt\":\"2026-12-02T01:00:00Z\",\"groups\":["
                                                + "{\"sourceCode\":\"labcorp\",\"category\":\"REFERENCE\",\"gaps\":[{\"sex\":\"ANY\","
                                                + "\"from\":{\"value\":0,\"unit\":\"YEARS\"},\"to\":{\"value\":18,\"unit\":\"YEARS\"},"
                                                + "\"text\":\"no range for any patients from 0 years to 18 years\"}],\"overlaps\":[],\"conditionalRangeIds\":[]},"
                                                + "{\"sourceCode\":\"quest\",\"category\":\"REFERENCE\",\"gaps\":[],\"overlaps\":[{\"sex\":\"ANY\","
                                                + "\"from\":{\"value\":18,\"unit\":\"YEARS\"},\"to\":{\"value\":null,\"unit\":\"YEARS\"},\"rangeIds\":[\""
                                                + QUEST_SERUM
                                                + "\",\"" + LABCORP_SERUM + "\"],\"ambiguous\":true,"
                                                + "\"text\":\"any patients from 18 years to no upper limit match 2 ranges equally specific about sex\"}],\"conditionalRangeIds\":[]}]}")));
    }

    /** Revision n of analyte 1952-1: revision 1 as seeded, later ones shown with two decimals. */
    public static ObjectNode b2m(int n) {
        try {
            ObjectNode first = (ObjectNode) MAPPER.readTree(Fixtures.rangesAnswer("analyte-1952-1.json"));
            if (n == 1) {
                return first;
            }
            ObjectNode later = first.deepCopy();
            later.put("revision", n);
            later.put("displayPrecision", 2);
            later.put("recordedBy", "admin");
            later.put("recordedAt", "2026-12-01T10:0" + n + ":00Z");
            later.put("reason", "Analyte change " + n);
            return later;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Analyte 1952-1 answering writes like the real service: a PUT with If-Match of the latest revision makes the
     * next one (1 → 2 → 3), any other is refused 412 analyte-changed; a retire is refused 409 analyte-in-use while its
     * ranges are live; a create answers 201, or 400 naming the LOINC field for a wrong check digit.
     */
    public static void b2mAcceptsRevisions(WireMockServer ranges) {
        String scenario = "analyte";
        String[] states = {Scenario.STARTED, "analyte 2", "analyte 3"};
        for (int n = 1; n <= 3; n++) {
            String state = states[n - 1];
            ranges.stubFor(get(urlPathEqualTo(ANALYTE))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(json(b2m(n).toString()).withHeader("ETag", "\"" + n + "\"")));
            ranges.stubFor(get(urlPathEqualTo(ANALYTE + "/revisions/" + n)).willReturn(json(b2m(n).toString())));
            if (n < 3) {
                ranges.stubFor(put(urlEqualTo(ANALYTE))
                        .inScenario(scenario)
                        .whenScenarioStateIs(state)
                        .withHeader("If-Match", equalTo("\"" + n + "\""))
                        .willReturn(json(b2m(n + 1).toString()).withHeader("ETag", "\"" + (n + 1) + "\""))
                        .willSetStateTo(states[n]));
            }
        }
        ranges.stubFor(put(urlEqualTo(ANALYTE))
                .atPriority(10)
                .willReturn(problem(
                        412,
                        "{\"type\":\"https://labrange.dev/problems/analyte-changed\","
                                + "\"title\":\"Analyte changed since you read it\",\"status\":412,"
                                + "\"detail\":\"You edited revision 1 but analyte 1952-1 is at revision 2; reload it, re-apply your "
                                + "change and send If-Match: \\\"2\\\"\",\"currentAnalyte\":"
                                + b2m(2) + "}")));
        ranges.stubFor(get(urlEqualTo(ANALYTE + "/diff?from=1&to=2"))
                .willReturn(json("{\"code\":\"1952-1\",\"from\":1,\"to\":2,\"changes\":["
                        + "{\"field\":\"displayPrecision\",\"from\":null,\"to\":\"2\"}]}")));
        ranges.stubFor(post(urlEqualTo(ANALYTE + "/retire"))
                .willReturn(problem(
                        409,
                        "{\"type\":\"https://labrange.dev/problems/analyte-in-use\","
                                + "\"title\":\"Analyte has live ranges\",\"status\":409,"
                                + "\"detail\":\"Analyte 1952-1 still has 2 live ranges (" + QUEST_SERUM + ", "
                                + LABCORP_SERUM
                                + "); retire them first, then retire the analyte\",\"liveRanges\":[\"" + QUEST_SERUM
                                + "\",\"" + LABCORP_SERUM + "\"]}")));

        ObjectNode created = b2m(1).deepCopy();
        created.put("code", "2345-7");
        created.put("loinc", "2345-7");
        created.put("displayName", "Glucose [Mass/volume] in Serum or Plasma");
        created.putArray("aliases").add("glucose");
        created.put("unit", "mg/dL");
        created.put("molarMassGramsPerMole", 180.16);
        created.put("recordedBy", "admin");
        created.put("reason", "Added to the lab's catalogue");
        ranges.stubFor(post(urlEqualTo("/api/v1/analytes"))
                .willReturn(json(created.toString())
                        .withStatus(201)
                        .withHeader("Location", "/api/v1/analytes/2345-7")
                        .withHeader("ETag", "\"1\"")));
        ranges.stubFor(
                post(urlEqualTo("/api/v1/analytes"))
                        .withRequestBody(containing("\"loinc\":\"2345-6\""))
                        .atPriority(1)
                        .willReturn(
                                problem(
                                        400,
                                        "{\"type\":\"https://labrange.dev/problems/validation\",\"title\":\"Invalid request\","
                                                + "\"status\":400,\"detail\":\"The analyte was refused; nothing was written.\","
                                                + "\"errors\":[{\"field\":\"loinc\",\"reason\":\"check digit should be 7, not 6\"}]}")));
        Fixtures.json(ranges, "/api/v1/analytes/2345-7", created.toString());
        Fixtures.json(ranges, "/api/v1/ranges?analyte=2345-7", "[]");
        ranges.stubFor(get(urlPathEqualTo("/api/v1/analytes/2345-7/coverage"))
                .willReturn(json("{\"analyteCode\":\"2345-7\",\"effectiveOn\":\"2026-12-02\","
                        + "\"knownAt\":\"2026-12-02T01:00:00Z\",\"groups\":[]}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(body);
    }

    /** Import: a file naming "not-a-number" is refused with its line; any other previews one revision, then applies. */
    public static void importPreviewsAndApplies(WireMockServer ranges) {
        String items =
                "\"items\":[{\"index\":0,\"action\":\"REVISE\",\"rangeId\":\"" + LABCORP_SERUM + "\",\"revision\":2}]";
        ranges.stubFor(post(urlPathEqualTo("/api/v1/ranges/import"))
                .withQueryParam("dryRun", equalTo("true"))
                .willReturn(json("{\"dryRun\":true,\"created\":0,\"revised\":1,\"unchanged\":0,\"warnings\":[]," + items
                        + "}")));
        ranges.stubFor(post(urlPathEqualTo("/api/v1/ranges/import"))
                .withQueryParam("dryRun", equalTo("false"))
                .willReturn(json("{\"dryRun\":false,\"created\":0,\"revised\":1,\"unchanged\":0,\"warnings\":[],"
                        + items + "}")));
        ranges.stubFor(
                post(urlPathEqualTo("/api/v1/ranges/import"))
                        .withRequestBody(containing("not-a-number"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://labrange.dev/problems/validation\",\"title\":\"Invalid request\","
                                                        + "\"status\":400,\"detail\":\"The import was refused; nothing was written.\","
                                                        + "\"errors\":[{\"field\":\"body\",\"reason\":\"line 3: low is not a number\"}]}")));
    }

    /** The version the catalogue import's dry run answers with; an apply on another one is refused. */
    public static final String CATALOGUE_VERSION = "41-0badcafe";

    /**
     * A catalogue import (one new analyte, one new source, one new range) previewed at {@link #CATALOGUE_VERSION},
     * with the gap it leaves; an apply is accepted only with that version in If-Match, as the ranges service does.
     */
    public static void catalogueImportPreviewsAndApplies(WireMockServer ranges) {
        String outcome = "\"analyteCounts\":{\"created\":1,\"revised\":0,\"unchanged\":0},"
                + "\"sourceCounts\":{\"created\":1,\"revised\":0,\"unchanged\":0},"
                + "\"rangeCounts\":{\"created\":1,\"revised\":0,\"unchanged\":0},"
                + "\"analytes\":[{\"index\":0,\"code\":\"TEST-CYSC\",\"action\":\"CREATE\",\"revision\":1}],"
                + "\"sources\":[{\"index\":0,\"code\":\"test-lab\",\"action\":\"CREATE\",\"revision\":1}],"
                + "\"ranges\":[{\"index\":0,\"action\":\"CREATE\",\"rangeId\":\"" + LABCORP_SERUM
                + "\",\"revision\":1}],"
                + "\"warnings\":[{\"analyteCode\":\"TEST-CYSC\",\"sourceCode\":\"test-lab\",\"category\":\"REFERENCE\","
                + "\"kind\":\"GAP\",\"sex\":\"ANY\",\"from\":{\"value\":0,\"unit\":\"DAYS\"},"
                + "\"to\":{\"value\":18,\"unit\":\"YEARS\"},\"rangeIds\":[],"
                + "\"text\":\"no range for patients from 0 days to 18 years\"}]";
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("true"))
                .willReturn(json("{\"dryRun\":true,\"catalogueVersion\":\"" + CATALOGUE_VERSION + "\"," + outcome + "}")
                        .withHeader("ETag", "\"" + CATALOGUE_VERSION + "\"")));
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("false"))
                .withHeader("If-Match", equalTo("\"" + CATALOGUE_VERSION + "\""))
                .atPriority(5)
                .willReturn(json("{\"dryRun\":false,\"catalogueVersion\":\"42-0badcafe\"," + outcome + "}")));
        refuseCatalogueApply(ranges, 10);
    }

    /** Someone else wrote after the preview: the ranges service now refuses every apply on the previewed version. */
    public static void catalogueChangesMeanwhile(WireMockServer ranges) {
        refuseCatalogueApply(ranges, 1);
    }

    private static void refuseCatalogueApply(WireMockServer ranges, int priority) {
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("false"))
                .atPriority(priority)
                .willReturn(aResponse()
                        .withStatus(412)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://labrange.dev/problems/catalogue-changed\",\"title\":"
                                + "\"Catalogue changed\",\"status\":412,\"detail\":\"The catalogue changed since "
                                + "that version; nothing was written.\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
