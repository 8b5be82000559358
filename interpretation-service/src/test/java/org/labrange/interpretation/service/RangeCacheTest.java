package org.labrange.interpretation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.client.RangesUpstream;
import org.labrange.interpretation.client.RangesUpstreamException;
import org.labrange.interpretation.client.UpstreamCall;
import org.labrange.interpretation.domain.Analyte;
import org.labrange.interpretation.domain.Interval;
import org.labrange.interpretation.domain.Population;
import org.labrange.interpretation.domain.RangeCategory;
import org.labrange.interpretation.domain.RangeRevision;
import org.labrange.interpretation.domain.Source;
import org.labrange.interpretation.domain.UnitConverter;

/** The cache's promises, with a hand-driven clock and an in-memory ranges service. */
class RangeCacheTest {

    private static final Analyte B2M = new Analyte(
            "1952-1",
            "B2M",
            List.of("B2M"),
            "SERUM_PLASMA",
            "mg/L",
            OptionalDouble.of(11800),
            OptionalDouble.empty(),
            OptionalDouble.empty());
    private static final UnitConverter UNITS = UnitConverter.fromBundledEssence();

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The ranges service, in memory, counting calls and able to go down. */
    static final class FakeRanges implements RangesUpstream {
        long sequence = 7;
        double labcorpHigh = 2.4;
        boolean down;
        int timelineCalls;
        int knownAtCalls;
        int changeCalls;
        /** When the one range was recorded; asked for an earlier moment, the service knows no range yet. */
        final Instant recordedAt = Instant.parse("2026-01-01T00:00:00Z");

        final List<String> etagsSent = new ArrayList<>();

        @Override
        public List<Analyte> analytes(UpstreamCall call) {
            failIfDown();
            return List.of(B2M);
        }

        @Override
        public List<Source> sources(UpstreamCall call) {
            failIfDown();
            return List.of(new Source("labcorp", "Labcorp", "LAB", "c"));
        }

        @Override
        public Optional<Timeline> timeline(String code, UpstreamCall call) {
            timelineCalls++;
            failIfDown();
            if (!code.equals("1952-1")) {
                return Optional.empty();
            }
            RangeRevision r = new RangeRevision(
                    "labcorp-1",
                    (int) sequence,
                    "1952-1",
                    "labcorp",
                    RangeCategory.REFERENCE,
                    Interval.closed(0.6, labcorpHigh),
                    "mg/L",
                    Population.everyone(),
                    true,
                    LocalDate.parse("2020-01-01"),
                    Optional.empty(),
                    Optional.empty());
            return Optional.of(new Timeline(B2M, sequence, List.of(r)));
        }

        @Override
        public Optional<Timeline> timelineKnownAt(String code, Instant knownAt, UpstreamCall call) {
            knownAtCalls++;
            failIfDown();
            if (knownAt.isBefore(recordedAt)) {
                return Optional.of(new Timeline(B2M, 0, Optional.empty(), List.of()));
            }
            Timeline now = timeline(code, call).orElseThrow();
            timelineCalls--;
            return Optional.of(new Timeline(B2M, now.changeSequence(), Optional.of(recordedAt), now.revisions()));
        }

        @Override
        public LatestChange latestChange(UpstreamCall call, Optional<String> ifNoneMatch) {
            changeCalls++;
            failIfDown();
            ifNoneMatch.ifPresent(etagsSent::add);
            String etag = "\"" + sequence + "\"";
            if (ifNoneMatch.isPresent() && ifNoneMatch.get().equals(etag)) {
                return new LatestChange(true, -1, ifNoneMatch);
            }
            return new LatestChange(false, sequence, Optional.of(etag));
        }

        private void failIfDown() {
            if (down) {
                throw new RangesUpstreamException("the ranges service answered HTTP 503");
            }
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FakeRanges upstream = new FakeRanges();
    private final RangeCache cache = new RangeCache(
            upstream, UNITS, clock, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5));
    private final UpstreamCall call = UpstreamCall.anonymous();

    private double labcorpHigh() {
        return cache.ranges("1952-1", call)
                .orElseThrow()
                .ranges()
                .get(0)
                .interval()
                .high()
                .getAsDouble();
    }

    @Test
    void aPastViewIsReadOnceAndCurrentKnowledgeKeepsComingFromTheCacheWithoutUpstreamCalls() {
        cache.checkForChanges(call);
        Instant knownAt = Instant.parse("2026-06-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            cache.ranges("1952-1", call);
            RangeCache.View past = cache.knownAt("1952-1", knownAt, call);
            assertEquals(new RangeCache.Position(7, Optional.of(upstream.recordedAt)), past.position());
        }
        assertEquals(1, upstream.timelineCalls, "current knowledge: one read, then the cache");
        assertEquals(1, upstream.knownAtCalls, "past knowledge: one read, then the past-view cache");
    }

    @Test
    void beforeAnyRangeWasRecordedThePastViewHasNoRangesAndNoChange() {
        RangeCache.View past = cache.knownAt("1952-1", Instant.parse("2025-01-01T00:00:00Z"), call);
        assertTrue(past.ranges().orElseThrow().ranges().isEmpty());
        assertEquals(Optional.empty(), past.position().recordedAt());
    }

    @Test
    void pastViewsNeverExceedTheConfiguredNumber() {
        RangeCache small = new RangeCache(
                upstream, UNITS, clock, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5), 3);
        Instant first = Instant.parse("2026-06-01T00:00:00Z");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) {
                small.knownAt("1952-1", first.plusSeconds(i), call);
                assertTrue(small.pastViewCount() <= 3, "kept " + small.pastViewCount());
            }
        }
        assertTrue(upstream.knownAtCalls >= 17, "evicted views are read again: " + upstream.knownAtCalls);
    }

    @Test
    void aPastViewThatCannotBeReadIsRefusedAndNotKept() {
        Instant knownAt = Instant.parse("2026-06-01T00:00:00Z");
        upstream.down = true;
        assertThrows(RangesUnavailableException.class, () -> cache.knownAt("1952-1", knownAt, call));
        upstream.down = false;
        assertEquals(
                1,
                cache.knownAt("1952-1", knownAt, call)
                        .ranges()
                        .orElseThrow()
                        .ranges()
                        .size());
    }

    @Test
    void anAnalyteIsFetchedOnceAndThenServedFromTheCache() {
        cache.checkForChanges(call);
        for (int i = 0; i < 1000; i++) {
            cache.ranges("1952-1", call);
        }
        assertEquals(1, upstream.timelineCalls);
    }

    @Test
    void theChangeMarkerIsCheckedAtMostOncePerIntervalAndWithTheLastEtag() {
        cache.checkForChanges(call);
        cache.checkForChanges(call);
        clock.advance(Duration.ofSeconds(4));
        cache.checkForChanges(call);
        assertEquals(1, upstream.changeCalls);
        clock.advance(Duration.ofSeconds(1));
        cache.checkForChanges(call);
        assertEquals(2, upstream.changeCalls);
        assertEquals(List.of("\"7\""), upstream.etagsSent);
    }

    @Test
    void aNewRevisionIsUsedOnceTheCheckIntervalHasPassed() {
        cache.checkForChanges(call);
        assertEquals(2.4, labcorpHigh());
        upstream.sequence = 8;
        upstream.labcorpHigh = 2.7;
        clock.advance(Duration.ofSeconds(3));
        cache.checkForChanges(call);
        assertEquals(2.4, labcorpHigh(), "within the interval the previous revision may still be used");
        clock.advance(Duration.ofSeconds(2));
        cache.checkForChanges(call);
        assertEquals(2.7, labcorpHigh(), "after the interval the new revision must be used");
        assertEquals(2, upstream.timelineCalls);
    }

    @Test
    void cachedRangesAreServedWhileTheRangesServiceIsDownWithinTheStalenessBound() {
        cache.checkForChanges(call);
        labcorpHigh();
        upstream.down = true;
        clock.advance(Duration.ofSeconds(59));
        cache.checkForChanges(call);
        assertEquals(2.4, labcorpHigh());
        assertTrue(cache.freshness().lastCheckFailed());
    }

    @Test
    void pastTheStalenessBoundAnUnconfirmedCacheIsNotUsed() {
        cache.checkForChanges(call);
        labcorpHigh();
        upstream.down = true;
        clock.advance(Duration.ofSeconds(61));
        cache.checkForChanges(call);
        RangesUnavailableException e = assertThrows(RangesUnavailableException.class, this::labcorpHigh);
        assertTrue(e.getMessage().contains("not safely cached"), e.getMessage());
    }

    @Test
    void anAnalyteKnownToBeOutdatedIsNeverServedEvenWithinTheBound() {
        cache.checkForChanges(call);
        labcorpHigh();
        upstream.sequence = 8;
        clock.advance(Duration.ofSeconds(5));
        cache.checkForChanges(call);
        upstream.down = true;
        assertThrows(RangesUnavailableException.class, this::labcorpHigh);
    }

    @Test
    void nothingCachedAndTheRangesServiceDownMeansUnavailable() {
        upstream.down = true;
        cache.checkForChanges(call);
        assertThrows(RangesUnavailableException.class, () -> cache.ranges("1952-1", call));
        assertThrows(RangesUnavailableException.class, () -> cache.analytes(call));
    }

    @Test
    void anUnknownAnalyteIsAnAnswerAndIsCachedToo() {
        cache.checkForChanges(call);
        assertTrue(cache.ranges("0000-0", call).isEmpty());
        assertTrue(cache.ranges("0000-0", call).isEmpty());
        assertEquals(1, upstream.timelineCalls);
    }

    @Test
    void theAnalyteListOutlivesItsTtlWhenTheRangesServiceIsDown() {
        assertEquals(1, cache.analytes(call).analytes().size());
        upstream.down = true;
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, cache.analytes(call).analytes().size());
    }

    @Test
    void invalidatingForgetsEverything() {
        cache.checkForChanges(call);
        labcorpHigh();
        cache.invalidateAll();
        assertFalse(cache.cachedAnalytes().contains("1952-1"));
        labcorpHigh();
        assertEquals(2, upstream.timelineCalls);
    }
}
