package org.labrange.interpretation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for reference-ranges-service. Default answers come from src/test/resources/contract/ (bodies the
 * real service is checked against) plus stubs/ (test-only analytes).
 */
public class RangesServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "labrange.test.ranges-stub-port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        registerDefaults(new WireMock("127.0.0.1", server.port()));
        return Map.of("quarkus.rest-client.reference-ranges.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** An admin client for the running stub, usable from any test (also from a packaged-app test). */
    public static WireMock client() {
        return new WireMock("127.0.0.1", Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }

    private static volatile boolean warmedUp;

    /**
     * The first REST-client call of a fresh application can take seconds (class loading); tests that count calls
     * to the stub run after one throw-away request so that a slow first call cannot turn into a retry.
     */
    public static void warmUp(Runnable request) {
        if (!warmedUp) {
            request.run();
            warmedUp = true;
        }
    }

    /** Back to the default answers, with the request journal cleared. */
    public static void reset() {
        WireMock wm = client();
        wm.resetMappings();
        wm.resetRequests();
        registerDefaults(wm);
    }

    public static void registerDefaults(WireMock wm) {
        wm.register(get(urlPathEqualTo("/api/v1/analytes")).willReturn(json("contract/analytes.json")));
        wm.register(get(urlPathEqualTo("/api/v1/sources")).willReturn(json("contract/sources.json")));
        wm.register(get(urlPathEqualTo("/api/v1/changes/latest"))
                .willReturn(json("contract/changes-latest.json").withHeader("ETag", "\"4\"")));
        wm.register(get(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                .willReturn(json("contract/timeline-1952-1.json").withHeader("ETag", "\"4\"")));
        wm.register(get(urlPathEqualTo("/api/v1/analytes/1953-9/timeline"))
                .willReturn(json("contract/timeline-1953-9.json").withHeader("ETag", "\"4\"")));
        wm.register(get(urlPathEqualTo("/api/v1/analytes/TEST-CV/timeline"))
                .willReturn(json("stubs/timeline-TEST-CV.json")));
        wm.register(get(WireMock.urlPathMatching("/api/v1/analytes/[^/]+/timeline"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://labrange.dev/problems/not-found\",\"title\":\"Not found\","
                                + "\"status\":404,\"detail\":\"no such analyte\"}")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String resource) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(read(resource));
    }

    public static String read(String resource) {
        try (InputStream in = RangesServiceStub.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
