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
            String rulesVersion,
            Instant evaluatedAt) {}

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
        UpstreamCall call = new UpstreamCall(authorization, requestId);
        cache.checkForChanges(call);
        Optional<List<String>> sources = sources(requestedSources, call);
        AnalyteCatalog catalog = cache.analytes(call);

        List<Slot> prepared = new ArrayList<>(submissions.size());
        Map<String, Optional<AnalyteRanges>> rangesByCode = new LinkedHashMap<>();
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
            rangesByCode.computeIfAbsent(code, c -> cache.ranges(c, call));
            prepared.add(new Slot(Optional.empty(), in.result(), code));
        }

        List<ResultInterpretation> results = new ArrayList<>(submissions.size());
        for (Slot slot : prepared) {
            if (slot.rejected().isPresent()) {
                results.add(slot.rejected().get());
                continue;
            }
            LabResult result = slot.result().orElseThrow();
            Optional<AnalyteRanges> ranges = rangesByCode.get(slot.code());
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
            results.add(engine.interpret(result, patient, ranges.get(), sources));
        }
        List<PatternMatch> patterns = engine.patterns(results);
        if (LOG.isInfoEnabled()) {
            Map<ResultInterpretation.Status, Long> byStatus = results.stream()
                    .collect(Collectors.groupingBy(ResultInterpretation::status, Collectors.counting()));
            LOG.infof(
                    "interpreted %d results (%s), %d analytes, %d patterns",
                    results.size(), byStatus, rangesByCode.size(), patterns.size());
        }
        return new Outcome(
                results, patterns, cache.freshness(), engine.knowledge().version(), clock.instant());
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
