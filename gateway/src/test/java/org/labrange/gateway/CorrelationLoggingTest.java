package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class CorrelationLoggingTest {

    private static final Logger CLIENT_LOG = Logger.getLogger("org.labrange.gateway.client");

    @RangesStub
    WireMockServer ranges;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final List<String> requestIdsLogged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String requestId = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
            requestIdsLogged.add(String.valueOf(requestId));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        ranges.resetAll();
        CLIENT_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        CLIENT_LOG.removeHandler(capture);
        breakers.resetAll();
    }

    @Test
    void logLinesWrittenWhileCallingAnUpstreamCarryTheRequestId() {
        ranges.stubFor(get("/api/v1/sources").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .header("X-Request-Id", "log-check-1")
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(503);

        assertFalse(requestIdsLogged.isEmpty(), "the failed calls should have been logged");
        // one line per attempt (the retries run in later callbacks); each must name the request
        requestIdsLogged.forEach(id -> assertEquals("log-check-1", id));
    }
}
