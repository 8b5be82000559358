package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Upstream answers for serum and urine B2M, read from the contract files under
 * {@code src/test/resources/contract}: each file is what the real service answers, for its seeded data,
 * to the request its folder's {@code requests.properties} names (checked against the services by their
 * own tests).
 */
final class Fixtures {

    static final String QUEST_SERUM = "1952e001-0000-4000-8000-000000000001";
    static final String LABCORP_SERUM = "1952e001-0000-4000-8000-000000000002";
    static final String MOSBY_SERUM = "1952e001-0000-4000-8000-000000000003";
    static final String MOSBY_URINE = "1953e009-0000-4000-8000-000000000001";

    private static final String RANGES = "contract/reference-ranges/";
    private static final String INTERPRETATION = "contract/interpretation/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    /** The text of an answer of reference-ranges-service. */
    static String rangesAnswer(String name) {
        return read(RANGES + name);
    }

    /** The request path (and query) that the named answer of reference-ranges-service answers. */
    static String rangesRequest(String name) {
        return requests(RANGES).getProperty(name);
    }

    /** Stubs the GETs of the named answers of reference-ranges-service at the paths they answer. */
    static void rangesAnswers(WireMockServer ranges, String... names) {
        for (String name : names) {
            json(ranges, rangesRequest(name), rangesAnswer(name));
        }
    }

    /** The sources and the history of every seeded B2M range, as a report or an overview reads them. */
    static void rangesServiceKnowsB2m(WireMockServer ranges) {
        rangesAnswers(
                ranges,
                "sources.json",
                "revisions-quest-serum.json",
                "revisions-labcorp-serum.json",
                "revisions-mosby-serum.json",
                "revisions-mosby-urine.json");
    }

    /**
     * Stubs the named answer of interpretation-service for exactly the request its contract names, after
     * {@code delayMillis}.
     */
    static void interpretationAnswers(WireMockServer interpretation, String name, int delayMillis) {
        String[] request = requests(INTERPRETATION).getProperty(name).split(" ");
        interpretation.stubFor(post(request[1])
                .withRequestBody(equalToJson(read(INTERPRETATION + request[2])))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody(read(INTERPRETATION + name))));
    }

    /** The text of an answer of interpretation-service. */
    static String interpretationAnswer(String name) {
        return read(INTERPRETATION + name);
    }

    /** The request body that the named answer of interpretation-service answers. */
    static String interpretationRequest(String name) {
        return read(INTERPRETATION + requests(INTERPRETATION).getProperty(name).split(" ")[2]);
    }

    /**
     * A range's history after an admin revised it for a later date: the seeded answer plus revision 2,
     * built from revision 1 so that every field keeps the service's shape.
     */
    static String revisedForLaterDate(String history, double low, double high, String reason) {
        try {
            ArrayNode revisions = (ArrayNode) MAPPER.readTree(history);
            ObjectNode first = (ObjectNode) revisions.get(0);
            ObjectNode second = first.deepCopy();
            second.put("revision", 2)
                    .put("sequence", 5)
                    .put("low", low)
                    .put("high", high)
                    .put("action", "REVISE")
                    .put("effectiveFrom", "2099-01-01")
                    .put("recordedAt", "2026-11-24T09:30:00Z")
                    .put("recordedBy", "alice")
                    .put("reason", reason);
            first.put("effectiveTo", "2099-01-01");
            revisions.add(second);
            return MAPPER.writeValueAsString(revisions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET answered with {@code body}; a path without a query also answers that path with any query (knownAt). */
    static void json(WireMockServer server, String path, String body) {
        server.stubFor(get(path.contains("?") ? urlEqualTo(path) : urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static Properties requests(String folder) {
        Properties requests = new Properties();
        try (InputStream in = resource(folder + "requests.properties")) {
            requests.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return requests;
    }

    static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }
}
