package org.labrange.interpretation.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.labrange.interpretation.client.RangesUpstream;
import org.labrange.interpretation.client.UpstreamCall;
import org.labrange.interpretation.config.InterpretationConfig;
import org.labrange.interpretation.domain.AnalyteCatalog;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.Source;
import org.labrange.interpretation.domain.UnitConverter;

/**
 * Ranges per analyte, compiled once (bounds converted to the canonical unit) and kept until the ranges service's
 * change sequence moves past them.
 *
 * <p>Invalidation is lazy and driven by requests: at most once per {@code checkInterval} a request asks
 * {@code GET /changes/latest} (with {@code If-None-Match}, so an unchanged answer is a 304) using the caller's
 * token. A higher sequence marks every cached analyte outdated; each is fetched again on first use. So a new
 * revision is used by requests arriving more than {@code checkInterval} after it was recorded (plus one
 * round trip).
 *
 * <p>Safety: an entry whose sequence is current is trusted for {@code maxStaleness} after the last moment the
 * ranges service confirmed the sequence (or the entry was fetched). If the ranges service cannot be reached,
 * cached entries are served until then; after that, or for an outdated or missing entry, the request fails
 * with {@link RangesUnavailableException} rather than use ranges that may be wrong.
 *
 * <p>Past views: the ranges of an analyte as known at an earlier moment ({@code knownAt}) are read from the ranges
 * service's history once and kept in a separate size-bounded cache (Caffeine; rarely and least recently used
 * views are evicted first) of at most {@code pastViewsMaxSize} (analyte, knownAt) entries. What was recorded by a past moment never changes, so those entries need no
 * invalidation; they never touch the current entries, which keep serving requests without {@code knownAt}.
 */
@Singleton
public final class RangeCache {

    private static final Logger LOG = Logger.getLogger(RangeCache.class);
    private static final int MAX_ENTRIES = 10_000;

    /**
     * @param sequence the change sequence the entry is valid for (never below the latest one seen when fetched)
     * @param position what the ranges service said the revisions include: the latest change and when it was recorded
     */
    private record Entry(Optional<AnalyteRanges> ranges, long sequence, Position position, Instant fetchedAt) {}

    /** A position in the ranges service's change feed; {@code recordedAt} empty when no change had been recorded. */
    public record Position(long sequence, Optional<Instant> recordedAt) {}

    /** An analyte's ranges (empty when the analyte is unknown) and the change-feed position they reflect. */
    public record View(Optional<AnalyteRanges> ranges, Position position) {}

    private record PastKey(String code, Instant knownAt) {}

    private record Catalog(AnalyteCatalog analytes, Map<String, Source> sources, Instant fetchedAt) {}

    /** What a response can say about the ranges it used. */
    public record Freshness(
            long changeSequence,
            Optional<Instant> changeRecordedAt,
            Optional<Instant> confirmedAt,
            boolean lastCheckFailed) {}

    private final RangesUpstream upstream;
    private final UnitConverter units;
    private final Clock clock;
    private final Duration checkInterval;
    private final Duration maxStaleness;
    private final Duration catalogTtl;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Cache<PastKey, View> pastViews;
    private final Map<String, ReentrantLock> fetchLocks = new ConcurrentHashMap<>();
    private final ReentrantLock checkLock = new ReentrantLock();
    private final ReentrantLock catalogLock = new ReentrantLock();

    private volatile long latestSequence = -1;
    private volatile Optional<Instant> latestRecordedAt = Optional.empty();
    private volatile Optional<String> etag = Optional.empty();
    private volatile Instant lastConfirmed = Instant.MIN;
    private volatile Instant lastCheckAttempt = Instant.MIN;
    private volatile boolean lastCheckFailed;
    private volatile Catalog catalog;

    @Inject
    public RangeCache(RangesUpstream upstream, UnitConverter units, InterpretationConfig config) {
        this(
                upstream,
                units,
                Clock.systemUTC(),
                config.ranges().checkInterval(),
                config.ranges().maxStaleness(),
                config.ranges().catalogTtl(),
                config.ranges().pastViewsMaxSize());
    }

    public RangeCache(
            RangesUpstream upstream,
            UnitConverter units,
            Clock clock,
            Duration checkInterval,
            Duration maxStaleness,
            Duration catalogTtl) {
        this(upstream, units, clock, checkInterval, maxStaleness, catalogTtl, 100);
    }

    public RangeCache(
            RangesUpstream upstream,
            UnitConverter units,
            Clock clock,
            Duration checkInterval,
            Duration maxStaleness,
            Duration catalogTtl,
            int pastViewsMaxSize) {
        // evictions run on the calling thread: the bound holds as soon as a call returns
        this.pastViews = Caffeine.newBuilder()
                .maximumSize(pastViewsMaxSize)
                .executor(Runnable::run)
                .build();
        this.upstream = upstream;
        this.units = units;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.maxStaleness = maxStaleness;
        this.catalogTtl = catalogTtl;
    }

    /**
     * Asks the ranges service whether anything changed, unless that was asked less than {@code checkInterval}
     * ago or another request is asking right now. Never fails: a failed check only stops confirming the cache.
     */
    public void checkForChanges(UpstreamCall call) {
        Instant now = clock.instant();
        if (Duration.between(lastCheckAttempt, now).compareTo(checkInterval) < 0 || !checkLock.tryLock()) {
            return;
        }
        try {
            lastCheckAttempt = now;
            RangesUpstream.LatestChange change = upstream.latestChange(call, etag);
            if (!change.notModified()) {
                advanceTo(change.sequence(), change.recordedAt());
                etag = change.etag();
            }
            lastConfirmed = now;
            lastCheckFailed = false;
        } catch (RuntimeException e) {
            lastCheckFailed = true;
            LOG.warnf("could not check the ranges service for changes: %s", describe(e));
        } finally {
            checkLock.unlock();
        }
    }

    private void advanceTo(long sequence, Optional<Instant> recordedAt) {
        if (sequence >= latestSequence && recordedAt.isPresent()) {
            latestRecordedAt = recordedAt;
        }
        if (sequence > latestSequence) {
            if (latestSequence >= 0) {
                LOG.infof(
                        "ranges changed (sequence %d -> %d): cached analytes will be fetched again",
                        latestSequence, sequence);
            }
            latestSequence = sequence;
        }
    }

    /** The ranges of one analyte by code; empty when the ranges service does not know the code. */
    public Optional<AnalyteRanges> ranges(String code, UpstreamCall call) {
        return current(code, call).ranges();
    }

    /** The ranges of one analyte as known now, with the change-feed position they reflect. */
    public View current(String code, UpstreamCall call) {
        Entry cached = entries.get(code);
        if (usable(cached)) {
            return new View(cached.ranges(), cached.position());
        }
        ReentrantLock lock = fetchLocks.computeIfAbsent(code, c -> new ReentrantLock());
        lock.lock();
        try {
            cached = entries.get(code);
            if (usable(cached)) {
                return new View(cached.ranges(), cached.position());
            }
            try {
                Optional<RangesUpstream.Timeline> timeline = upstream.timeline(code, call);
                long sequence =
                        timeline.map(RangesUpstream.Timeline::changeSequence).orElse(latestSequence);
                Position position = timeline.map(t -> new Position(t.changeSequence(), t.changeRecordedAt()))
                        .orElseGet(() -> new Position(latestSequence, latestRecordedAt));
                advanceTo(sequence, position.recordedAt());
                Optional<AnalyteRanges> ranges =
                        timeline.map(t -> AnalyteRanges.compile(t.analyte(), t.revisions(), t.changeSequence(), units));
                Entry fresh = new Entry(ranges, Math.max(sequence, latestSequence), position, clock.instant());
                if (ranges.isPresent() || entries.size() < MAX_ENTRIES) {
                    // "unknown" answers are remembered too, but never enough of them to fill the heap
                    entries.put(code, fresh);
                }
                ranges.ifPresent(r -> {
                    if (!r.analyte().code().equals(code)) {
                        entries.put(r.analyte().code(), fresh);
                    }
                });
                return new View(ranges, position);
            } catch (RuntimeException e) {
                throw new RangesUnavailableException(
                        "the ranges of analyte " + code + " cannot be fetched (" + describe(e)
                                + ") and are not safely cached",
                        e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The ranges of one analyte as known at {@code knownAt}, from the ranges service's history. Kept in the bounded
     * past-view cache: a past moment's knowledge is final, so a kept view is always right. Failures are not kept.
     */
    public View knownAt(String code, Instant knownAt, UpstreamCall call) {
        try {
            return pastViews.get(new PastKey(code, knownAt), key -> {
                Optional<RangesUpstream.Timeline> timeline = upstream.timelineKnownAt(code, knownAt, call);
                return new View(
                        timeline.map(t -> AnalyteRanges.compile(t.analyte(), t.revisions(), t.changeSequence(), units)),
                        timeline.map(t -> new Position(t.changeSequence(), t.changeRecordedAt()))
                                .orElse(new Position(0, Optional.empty())));
            });
        } catch (RuntimeException e) {
            throw new RangesUnavailableException(
                    "the ranges of analyte " + code + " as known at " + knownAt + " cannot be fetched (" + describe(e)
                            + ")",
                    e);
        }
    }

    /** How many past views are kept now (at most the configured maximum, once evictions have run). */
    public long pastViewCount() {
        pastViews.cleanUp();
        return pastViews.estimatedSize();
    }

    private boolean usable(Entry e) {
        if (e == null || e.sequence() < latestSequence) {
            return false;
        }
        Instant confirmed = e.fetchedAt().isAfter(lastConfirmed) ? e.fetchedAt() : lastConfirmed;
        return Duration.between(confirmed, clock.instant()).compareTo(maxStaleness) <= 0;
    }

    /** Analytes (for alias look-up); refreshed after {@code catalogTtl}, an older one is used if refresh fails. */
    public AnalyteCatalog analytes(UpstreamCall call) {
        return catalog(call).analytes();
    }

    public Map<String, Source> sources(UpstreamCall call) {
        return catalog(call).sources();
    }

    /**
     * The sources, refetched once when one of {@code codes} is missing and the cached copy is more than a
     * second old: a source an admin has just created is usable at once, and unknown codes cannot make
     * every request go upstream.
     */
    public Map<String, Source> sourcesIncluding(java.util.Collection<String> codes, UpstreamCall call) {
        Catalog current = catalog(call);
        if (current.sources().keySet().containsAll(codes)
                || Duration.between(current.fetchedAt(), clock.instant()).compareTo(Duration.ofSeconds(1)) < 0) {
            return current.sources();
        }
        catalogLock.lock();
        try {
            if (catalog == current) {
                catalog = null;
            }
        } finally {
            catalogLock.unlock();
        }
        return catalog(call).sources();
    }

    private Catalog catalog(UpstreamCall call) {
        Catalog current = catalog;
        Instant now = clock.instant();
        if (current != null && Duration.between(current.fetchedAt(), now).compareTo(catalogTtl) <= 0) {
            return current;
        }
        catalogLock.lock();
        try {
            current = catalog;
            if (current != null && Duration.between(current.fetchedAt(), now).compareTo(catalogTtl) <= 0) {
                return current;
            }
            try {
                AnalyteCatalog analytes = new AnalyteCatalog(upstream.analytes(call));
                Map<String, Source> sources = upstream.sources(call).stream()
                        .collect(Collectors.toUnmodifiableMap(Source::code, Function.identity(), (a, b) -> a));
                catalog = new Catalog(analytes, sources, clock.instant());
                return catalog;
            } catch (RuntimeException e) {
                if (current != null) {
                    // names and aliases change rarely and never decide a flag: an older list is safe to use
                    LOG.warnf("using the analyte and source list from %s: %s", current.fetchedAt(), describe(e));
                    return current;
                }
                throw new RangesUnavailableException(
                        "the analyte and source lists cannot be fetched (" + describe(e) + ")", e);
            }
        } finally {
            catalogLock.unlock();
        }
    }

    public Freshness freshness() {
        return new Freshness(
                latestSequence,
                latestRecordedAt,
                lastConfirmed.equals(Instant.MIN) ? Optional.empty() : Optional.of(lastConfirmed),
                lastCheckFailed);
    }

    /** Forgets everything, e.g. after the ranges service was restored from a backup. */
    public void invalidateAll() {
        entries.clear();
        pastViews.invalidateAll();
        catalog = null;
        latestSequence = -1;
        latestRecordedAt = Optional.empty();
        etag = Optional.empty();
        lastConfirmed = Instant.MIN;
        lastCheckAttempt = Instant.MIN;
        lastCheckFailed = false;
    }

    public List<String> cachedAnalytes() {
        return entries.keySet().stream().sorted().toList();
    }

    static String describe(Throwable e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "circuit breaker open after repeated failures";
        }
        if (e instanceof TimeoutException) {
            return "timed out";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
