package org.labrange.interpretation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.labrange.interpretation.client.UpstreamCall;
import org.labrange.interpretation.domain.AnalyteCatalog;
import org.labrange.interpretation.domain.AnalyteRanges;
import org.labrange.interpretation.domain.InterpretationEngine;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.Patient;
import org.labrange.interpretation.domain.PatternMatch;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.labrange.interpretation.domain.ResultProblem;
import org.labrange.interpretation.domain.Source;

/**
 * Runs a request: checks the requested sources, fetches each analyte's ranges once, lets the engine interpret
 * every result, then looks for patterns across them.
 *
 * <p>The whole request is refused only for what concerns every result: an unknown source code
 * ({@link UnknownSourcesException}) or ranges that cannot be had ({@link RangesUnavailableException}). Anything
 * about one result (unknown analyte, bad value, unconvertible unit, impossible value…) rejects that result alone.
 */
@ApplicationScoped
public class InterpretationService {

    private static final Logger LOG = Logger.getLogger(InterpretationService.class);

    private final InterpretationEngine engine;
    private final RangeCache cache;
    private final Clock clock = Clock.systemUTC();

    public InterpretationService(InterpretationEngine engine, RangeCache cache) {
        this.engine = engine;
        this.cache = cache;
    }

    /** A finished batch: results in request order, patterns, and the cache state they rest on. */
    public record Outcome(
            List<ResultInterpretation> results,
            List<PatternMatch> patterns,
            RangeCache.Freshness ranges,
            Basis basis,
            String rulesVersion,
            Instant evaluatedAt) {}

    /**
     * What an answer was computed from, so that sending {@code knownAt} back reproduces it.
     *
     * @param knownAt the moment asked for, or when none was: when the latest range change used was recorded
     * @param requested whether the caller asked for {@code knownAt}
     * @param changeFeedPosition change sequence of the latest range change included; empty when none was (the
     *     moment precedes every change, or no result needed ranges)
     */
    public record Basis(Instant knownAt, boolean requested, Optional<Long> changeFeedPosition) {}

    /** How often the current ranges are read again when a change lands while one request reads them. */
    private static final int CONSISTENT_READ_ATTEMPTS = 3;

    static final String NO_RANGE_RECORDED = "no-range-recorded";

    /** A result either already rejected, or ready for the engine with its resolved analyte code. */
    private record Slot(Optional<ResultInterpretation> rejected, Optional<LabResult> result, String code) {}

    /**
     * Interprets the submitted results of one patient.
     *
     * @param requestedSources source codes asked for; empty means every source with a reference range
     * @param authorization the caller's bearer header, forwarded to the ranges service
     * @param requestId the correlation id, forwarded to the ranges service
     */
    public Outcome interpret(
            Patient patient,
            List<String> requestedSources,
            List<Submission> submissions,
            Optional<String> authorization,
            Optional<String> requestId) {
        return interpret(patient, requestedSources, submissions, Optional.empty(), authorization, requestId);
    }

    /**
     * Interprets the submitted results of one patient with the ranges as known at {@code knownAt} (empty: the
     * current ranges, from the cache). Every source's range is then the revision recorded at or before
     * {@code knownAt} that was in effect on the collection date; later revisions, ranges and sources do not exist
     * for this answer.
     */
    public Outcome interpret(
            Patient patient,
            List<String> requestedSources,
            List<Submission> submissions,
            Optional<Instant> knownAt,
            Optional<String> authorization,
            Optional<String> requestId) {
        UpstreamCall call = new UpstreamCall(authorization, requestId);
        cache.checkForChanges(call);
        Optional<List<String>> sources = sources(requestedSources, call);
        AnalyteCatalog catalog = cache.analytes(call);

        List<Slot> prepared = new ArrayList<>(submissions.size());
        Map<String, RangeCache.View> rangesByCode = new LinkedHashMap<>();
        for (Submission in : submissions) {
            List<ResultProblem> problems = new ArrayList<>(in.problems());
            AnalyteCatalog.Resolution resolution = catalog.resolve(in.analyte(), in.specimen());
            resolution
                    .problem()
                    .ifPresent(p -> problems.add(new ResultProblem(ResultProblem.UNKNOWN_ANALYTE, "analyte", p)));
            if (!problems.isEmpty() || in.result().isEmpty()) {
                prepared.add(new Slot(
                        Optional.of(ResultInterpretation.rejected(in.id(), Optional.empty(), problems)),
                        Optional.empty(),
                        ""));
                continue;
            }
            String code = resolution.code().orElseThrow();
            // one upstream call per analyte per batch at most, none when cached
            rangesByCode.computeIfAbsent(code, c -> view(c, knownAt, call));
            prepared.add(new Slot(Optional.empty(), in.result(), code));
        }
        if (knownAt.isEmpty()) {
            rangesByCode = consistent(rangesByCode, call);
        }

        List<ResultInterpretation> results = new ArrayList<>(submissions.size());
        for (Slot slot : prepared) {
            if (slot.rejected().isPresent()) {
                results.add(slot.rejected().get());
                continue;
            }
            LabResult result = slot.result().orElseThrow();
            Optional<AnalyteRanges> ranges = rangesByCode.get(slot.code()).ranges();
            if (ranges.isEmpty()) {
                results.add(ResultInterpretation.rejected(
                        result.id(),
                        Optional.empty(),
                        List.of(new ResultProblem(
                                ResultProblem.UNKNOWN_ANALYTE,
                                "analyte",
                                "no analyte with code or alias '" + result.analyte()
                                        + "' is known to the ranges service"))));
                continue;
            }
            ResultInterpretation interpreted = engine.interpret(result, patient, ranges.get(), sources);
            if (knownAt.isPresent() && nothingRecorded(ranges.get())) {
                interpreted = noRangeRecorded(interpreted, ranges.get(), knownAt.get());
            }
            results.add(interpreted);
        }
        List<PatternMatch> patterns = engine.patterns(results);
        if (LOG.isInfoEnabled()) {
            Map<ResultInterpretation.Status, Long> byStatus = results.stream()
                    .collect(Collectors.groupingBy(ResultInterpretation::status, Collectors.counting()));
            LOG.infof(
                    "interpreted %d results (%s), %d analytes, %d patterns",
                    results.size(), byStatus, rangesByCode.size(), patterns.size());
        }
        Instant evaluatedAt = clock.instant();
        RangeCache.Freshness freshness = cache.freshness();
        return new Outcome(
                results,
                patterns,
                freshness,
                basis(knownAt, rangesByCode, freshness, evaluatedAt),
                engine.knowledge().version(),
                evaluatedAt);
    }

    private RangeCache.View view(String code, Optional<Instant> knownAt, UpstreamCall call) {
        return knownAt.isPresent() ? cache.knownAt(code, knownAt.get(), call) : cache.current(code, call);
    }

    /**
     * The current ranges of every analyte from one and the same change-feed position. A change that lands while a
     * request reads several analytes would otherwise mix two states that no single {@code knownAt} reproduces: the
     * cache then holds the newer position, so reading again gives one.
     */
    private Map<String, RangeCache.View> consistent(Map<String, RangeCache.View> views, UpstreamCall call) {
        Map<String, RangeCache.View> read = views;
        for (int attempt = 1; positions(read).size() > 1; attempt++) {
            if (attempt >= CONSISTENT_READ_ATTEMPTS) {
                throw new RangesUnavailableException(
                        "the ranges changed repeatedly while this request read them; send it again", null);
            }
            Map<String, RangeCache.View> again = new LinkedHashMap<>();
            read.keySet().forEach(code -> again.put(code, cache.current(code, call)));
            read = again;
        }
        return read;
    }

    private static java.util.Set<RangeCache.Position> positions(Map<String, RangeCache.View> views) {
        return views.values().stream()
                .filter(v -> v.ranges().isPresent())
                .map(RangeCache.View::position)
                .collect(Collectors.toSet());
    }

    private static Basis basis(
            Optional<Instant> knownAt,
            Map<String, RangeCache.View> views,
            RangeCache.Freshness freshness,
            Instant evaluatedAt) {
        Optional<RangeCache.Position> used = views.values().stream()
                .filter(v -> v.ranges().isPresent())
                .map(RangeCache.View::position)
                .filter(p -> p.recordedAt().isPresent())
                .findFirst();
        if (knownAt.isPresent()) {
            return new Basis(knownAt.get(), true, used.map(RangeCache.Position::sequence));
        }
        RangeCache.Position position =
                used.orElseGet(() -> new RangeCache.Position(freshness.changeSequence(), freshness.changeRecordedAt()));
        // nothing ever recorded (or not said): what is known at the evaluation moment is what was used
        return position.recordedAt()
                .map(at -> new Basis(at, false, Optional.of(position.sequence())))
                .orElseGet(() -> new Basis(evaluatedAt, false, Optional.empty()));
    }

    private static boolean nothingRecorded(AnalyteRanges ranges) {
        return ranges.ranges().isEmpty() && ranges.unusable().isEmpty();
    }

    /** A result whose analyte had no range recorded yet at {@code knownAt}: no flag, and the reason said out loud. */
    private static ResultInterpretation noRangeRecorded(
            ResultInterpretation interpreted, AnalyteRanges ranges, Instant knownAt) {
        if (interpreted.status() != ResultInterpretation.Status.NO_RANGE) {
            return interpreted;
        }
        List<ResultProblem> problems = new ArrayList<>(interpreted.problems());
        problems.add(new ResultProblem(
                NO_RANGE_RECORDED,
                "knownAt",
                "no range of analyte " + ranges.analyte().code() + " had been recorded at " + knownAt
                        + ": there was nothing to interpret this result against"));
        return new ResultInterpretation(
                interpreted.id(),
                interpreted.status(),
                interpreted.analyte(),
                interpreted.value(),
                interpreted.collectionDate(),
                interpreted.interpretations(),
                interpreted.notEvaluated(),
                interpreted.agreement(),
                interpreted.associations(),
                interpreted.associationsOnFile(),
                interpreted.delta(),
                problems);
    }

    private Optional<List<String>> sources(List<String> requested, UpstreamCall call) {
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        List<String> trimmed =
                requested.stream().map(code -> code == null ? "" : code.trim()).toList();
        Map<String, Source> known = cache.sourcesIncluding(trimmed, call);
        List<UnknownSourcesException.UnknownSource> unknown = new ArrayList<>();
        for (int i = 0; i < trimmed.size(); i++) {
            if (!known.containsKey(trimmed.get(i))) {
                unknown.add(new UnknownSourcesException.UnknownSource(
                        i, trimmed.get(i), known.keySet().stream().sorted().toList()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSourcesException(unknown);
        }
        return Optional.of(List.copyOf(new LinkedHashSet<>(trimmed)));
    }
}
