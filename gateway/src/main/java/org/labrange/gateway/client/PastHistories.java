package org.labrange.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Range histories as known at a past moment, kept in memory. Revisions are never edited and a revision recorded
 * later does not belong to a history as known at an earlier moment, so such a history never changes: a report made
 * again at steady state (same basis) reads none from reference-ranges-service. Only moments older than a margin are
 * kept, since a change still committing may carry a slightly earlier recording time; the oldest entry goes first
 * once the bound is reached. A range that is not found is never kept.
 */
final class PastHistories {

    private final int maxEntries;
    private final Duration margin;
    private final Clock clock;
    private final Map<Key, List<JsonNode>> kept;

    private record Key(String rangeId, Instant knownAt) {}

    PastHistories(int maxEntries, Duration margin, Clock clock) {
        this.maxEntries = maxEntries;
        this.margin = margin;
        this.clock = clock;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<JsonNode>> eldest) {
                return size() > PastHistories.this.maxEntries;
            }
        };
    }

    synchronized Optional<List<JsonNode>> get(String rangeId, String knownAt) {
        return key(rangeId, knownAt).map(kept::get);
    }

    synchronized void keep(String rangeId, String knownAt, List<JsonNode> revisions) {
        key(rangeId, knownAt)
                .filter(key ->
                        maxEntries > 0 && key.knownAt().isBefore(clock.instant().minus(margin)))
                .ifPresent(key -> kept.put(key, List.copyOf(revisions)));
    }

    synchronized int size() {
        return kept.size();
    }

    private static Optional<Key> key(String rangeId, String knownAt) {
        try {
            return Optional.of(new Key(rangeId, Instant.parse(knownAt)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
