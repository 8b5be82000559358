package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind each upstream URL list, as in a rolling restart: one that is down (nothing listens on its
 * port) or breaks its connections, one that works. Calls that the broken instance did not take go to the other
 * one; a write whose connection broke after it was sent is never sent again, to either instance.
 */
@QuarkusTest
@TestProfile(SeveralInstancesTest.TwoOfEach.class)
class SeveralInstancesTest {

    /** Only this class's upstreams: the stubs that the other tests share would answer otherwise. */
    public static class TwoOfEach implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Instances.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InterpretationUp {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface RangesBroken {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface RangesUp {}

    @InterpretationUp
    WireMockServer interpretationUp;

    @RangesBroken
    WireMockServer rangesBroken;

    @RangesUp
    WireMockServer rangesUp;

    @BeforeEach
    void reset() {
        interpretationUp.resetAll();
        rangesBroken.resetAll();
        rangesUp.resetAll();
    }

    @Test
    void interpretationsAreAnsweredWhileOneInstanceIsDown() {
        Fixtures.interpretationAnswers(interpretationUp, "interpretations-single-serum.json", 0);

        for (int i = 0; i < 6; i++) {
            given().auth()
                    .oauth2(TestKeys.token("ida", "interpreter"))
                    .contentType(ContentType.JSON)
                    .body(Fixtures.interpretationRequest("interpretations-single-serum.json"))
                    .when()
                    .post("/api/v1/interpretations/single")
                    .then()
                    .statusCode(200);
        }

        interpretationUp.verify(6, postRequestedFor(urlEqualTo("/api/v1/interpretations/single")));
    }

    @Test
    void aWriteGoesToExactlyOneInstanceEvenWhenTheOtherBreaksItsConnection() {
        rangesBroken.stubFor(post("/api/v1/ranges").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        rangesUp.stubFor(post("/api/v1/ranges")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"1\"")
                        .withHeader("Location", rangesUp.baseUrl() + "/api/v1/ranges/" + Fixtures.LABCORP_SERUM)
                        .withBody(Fixtures.rangesAnswer("range-labcorp-serum.json"))));

        int created = 0;
        int writes = 6;
        for (int i = 0; i < writes; i++) {
            var answer = given().auth()
                    .oauth2(TestKeys.token("adam", "ranges-admin"))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/v1/ranges")
                    .then()
                    .extract();
            int status = answer.statusCode();
            String location = String.valueOf(answer.header("Location"));
            assertTrue(status == 201 || status == 503, "a write is created or refused as unavailable: " + status);
            if (status == 201) {
                // the link points at the gateway, whichever instance answered
                assertTrue(
                        location.startsWith("http://localhost:") && !location.contains(rangesUp.baseUrl()), location);
            }
            created += status == 201 ? 1 : 0;
        }

        int broken = rangesBroken
                .countRequestsMatching(
                        postRequestedFor(urlEqualTo("/api/v1/ranges")).build())
                .getCount();
        int up = rangesUp.countRequestsMatching(
                        postRequestedFor(urlEqualTo("/api/v1/ranges")).build())
                .getCount();
        assertEquals(writes, broken + up, "each write reached exactly one instance, once");
        assertEquals(up, created, "the working instance's writes were answered");
        assertTrue(up > 0 && broken > 0, "the instances took turns: " + up + " / " + broken);
    }

    /** interpretation-service: a closed port, then a stub; reference-ranges-service: a stub that breaks, a working one. */
    public static class Instances implements QuarkusTestResourceLifecycleManager {

        private WireMockServer interpretationUp;
        private WireMockServer rangesBroken;
        private WireMockServer rangesUp;

        @Override
        public Map<String, String> start() {
            Path keys = TestKeys.generate();
            interpretationUp = started();
            rangesBroken = started();
            rangesUp = started();
            String down = "http://127.0.0.1:" + freePort();
            return Map.of(
                    "labrange.interpretation.url", down + "," + interpretationUp.baseUrl(),
                    "labrange.ranges.url", rangesBroken.baseUrl() + "," + rangesUp.baseUrl(),
                    "labrange.interpretation.management-url", down + "," + interpretationUp.baseUrl(),
                    "labrange.ranges.management-url", rangesBroken.baseUrl() + "," + rangesUp.baseUrl(),
                    "mp.jwt.verify.publickey.location",
                            keys.resolve(TestKeys.PUBLIC_KEY).toUri().toString(),
                    "mp.jwt.verify.issuer", TestKeys.ISSUER);
        }

        private static WireMockServer started() {
            WireMockServer server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().containerThreads(10));
            server.start();
            return server;
        }

        /** A port that nothing listens on once this returns. */
        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(
                    interpretationUp,
                    new TestInjector.AnnotatedAndMatchesType(InterpretationUp.class, WireMockServer.class));
            injector.injectIntoFields(
                    rangesBroken, new TestInjector.AnnotatedAndMatchesType(RangesBroken.class, WireMockServer.class));
            injector.injectIntoFields(
                    rangesUp, new TestInjector.AnnotatedAndMatchesType(RangesUp.class, WireMockServer.class));
        }

        @Override
        public void stop() {
            for (WireMockServer server : new WireMockServer[] {interpretationUp, rangesBroken, rangesUp}) {
                if (server != null) {
                    server.stop();
                }
            }
        }
    }
}
