package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One batch interpretation that interpretation-service (stubbed) answers only after {@link #HOLD_MILLIS}, within the
 * read timeout of the tests that use it: while it is held, the gateway has exactly one call in flight to that service, and holds its
 * body's bytes. The load-shedding tests send a second request meanwhile.
 */
final class HeldInterpretation {

    /**
     * How long the stub holds its answer: the window in which the test sends its second request, so long that a
     * busy machine cannot close it first (the tests that use it set a 20 s read timeout).
     */
    static final int HOLD_MILLIS = 10_000;

    /** The body of the held request (and of the one sent beside it). */
    static final String BODY = Fixtures.interpretationRequest("interpretations-serum.json");

    private HeldInterpretation() {}

    /** Sends the held request and returns once the gateway counts it in flight. */
    static CompletableFuture<HttpResponse<String>> start(
            WireMockServer interpretation, URL gateway, MeterRegistry meters) {
        interpretation.stubFor(post("/api/v1/interpretations")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(HOLD_MILLIS)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.interpretationAnswer("interpretations-serum.json"))));
        CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(gateway + "api/v1/interpretations"))
                                .header("Authorization", "Bearer " + TestKeys.token("ida", "interpreter"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight(meters) == 1.0);
        return held;
    }

    /** Calls to interpretation-service the gateway has in flight right now. */
    static double inFlight(MeterRegistry meters) {
        var gauge = meters.find("labrange.upstream.in-flight")
                .tag("upstream", "interpretation-service")
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
