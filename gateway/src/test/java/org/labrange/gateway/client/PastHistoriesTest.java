package org.labrange.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PastHistoriesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final List<JsonNode> HISTORY =
            List.of(JsonNodeFactory.instance.objectNode().put("revision", 1));

    @Test
    void aHistoryAsKnownAtAMomentOlderThanTheMarginIsKeptAndAYoungerOneIsNot() {
        PastHistories past = new PastHistories(10, Duration.ofSeconds(10), NOW);
        past.keep("r1", "2026-12-01T11:59:49Z", HISTORY);
        past.keep("r1", "2026-12-01T11:59:55Z", HISTORY);
        assertEquals(HISTORY, past.get("r1", "2026-12-01T11:59:49Z").orElseThrow());
        assertTrue(past.get("r1", "2026-12-01T11:59:55Z").isEmpty(), "a moment inside the margin may still change");
        assertTrue(past.get("r2", "2026-12-01T11:59:49Z").isEmpty());
        assertTrue(past.get("r1", "not an instant").isEmpty());
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstAndSizeZeroKeepsNothing() {
        PastHistories past = new PastHistories(2, Duration.ZERO, NOW);
        past.keep("a", "2026-11-01T00:00:00Z", HISTORY);
        past.keep("b", "2026-11-01T00:00:00Z", HISTORY);
        past.get("a", "2026-11-01T00:00:00Z");
        past.keep("c", "2026-11-01T00:00:00Z", HISTORY);
        assertEquals(2, past.size());
        assertTrue(past.get("b", "2026-11-01T00:00:00Z").isEmpty());
        assertTrue(past.get("a", "2026-11-01T00:00:00Z").isPresent());

        PastHistories off = new PastHistories(0, Duration.ZERO, NOW);
        off.keep("a", "2026-11-01T00:00:00Z", HISTORY);
        assertEquals(0, off.size());
    }
}
