package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** Many admins revising the same revision at once: one wins, the rest are told it is stale. */
@QuarkusTest
class ConcurrentRevisionTest {

    private static final int WRITERS = 24;

    @Test
    void exactlyOneOfManyConcurrentWritersWinsAndHistoryHasNoGapOrDuplicate() throws Exception {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        String[] tokens = new String[WRITERS];
        for (int i = 0; i < WRITERS; i++) {
            tokens[i] = Tokens.admin("writer-" + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                String token = tokens[i];
                String high = "2." + (50 + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(token)
                            .contentType("application/json")
                            .header("If-Match", "\"1\"")
                            .body("{\"low\":0.6,\"high\":" + high
                                    + ",\"unit\":\"mg/L\",\"effectiveFrom\":\"2026-01-01\"," + "\"reason\":\"race\"}")
                            .put("/api/v1/ranges/" + id)
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        List<Integer> revisions = given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("revision", Integer.class);
        assertEquals(List.of(1, 2), revisions);
    }
}
