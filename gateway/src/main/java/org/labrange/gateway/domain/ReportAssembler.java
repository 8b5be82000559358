package org.labrange.gateway.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.labrange.gateway.domain.InterpretationAnswer.InterpretedResult;
import org.labrange.gateway.domain.InterpretationAnswer.NotEvaluated;
import org.labrange.gateway.domain.InterpretationAnswer.RangeUsed;
import org.labrange.gateway.domain.InterpretationAnswer.SourceFlag;
import org.labrange.gateway.domain.ReportFindings.Disagreement;
import org.labrange.gateway.domain.ReportFindings.RangeComparison;
import org.labrange.gateway.domain.ReportFindings.RangeRevisionRef;
import org.labrange.gateway.domain.ReportFindings.ResultFindings;
import org.labrange.gateway.domain.ReportFindings.ServiceVersion;

/**
 * Draws a report's findings from what the services answered. It never invents a flag: everything
 * clinical comes from the interpretation service, and anything missing becomes a warning.
 */
public final class ReportAssembler {

    /**
     * Everything the findings are drawn from.
     *
     * @param request          the client's report request
     * @param interpretation   interpretation-service's batch answer
     * @param sources          reference-ranges-service's sources by code
     * @param histories        history of each range used, by range id; empty when the range was not found
     * @param historiesSkipped true when too many ranges were used to read every history
     * @param serviceVersions  version per service name, in display order
     */
    public record Inputs(
            PanelRequest request,
            InterpretationAnswer interpretation,
            Map<String, Source> sources,
            Map<String, Optional<List<RangeRevision>>> histories,
            boolean historiesSkipped,
            Map<String, Optional<String>> serviceVersions) {}

    private ReportAssembler() {}

    /** The range ids an interpretation answer relied on, in order of first use. */
    public static Set<String> rangeIdsUsed(InterpretationAnswer interpretation) {
        Set<String> ids = new LinkedHashSet<>();
        for (InterpretedResult result : interpretation.results()) {
            for (SourceFlag entry : result.interpretations()) {
                entry.range().ifPresent(range -> ids.add(range.rangeId()));
            }
        }
        return ids;
    }

    /** Every source the report names: those the caller asked for and those that interpreted a result. */
    public static Set<String> sourcesNamed(PanelRequest request, InterpretationAnswer interpretation) {
        Set<String> codes = new LinkedHashSet<>(request.sources());
        for (InterpretedResult result : interpretation.results()) {
            for (SourceFlag entry : result.interpretations()) {
                entry.source().ifPresent(codes::add);
            }
        }
        return codes;
    }

    public static ReportFindings assemble(Inputs in) {
        List<Warning> warnings = new ArrayList<>();
        Map<String, Optional<String>> collectedAt = new LinkedHashMap<>();
        in.request().results().forEach(r -> collectedAt.put(r.id().orElse(null), r.collectedAt()));
        Set<String> requestedSources = new LinkedHashSet<>(in.request().sources());
        for (String source : requestedSources) {
            if (!in.sources().containsKey(source)) {
                warnings.add(Warning.clinical(
                        "unknown-source",
                        "Source '" + source + "' was requested but reference-ranges-service does not know it.",
                        null));
            }
        }

        List<ResultFindings> results = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        Map<String, RangeRevisionRef> revisionsUsed = new LinkedHashMap<>();
        Set<String> answered = new LinkedHashSet<>();
        Set<String> historyWarned = new LinkedHashSet<>();

        for (InterpretedResult result : in.interpretation().results()) {
            String id = result.id().orElse(null);
            answered.add(id);
            String analyteCode = result.analyteCode().orElse(null);
            warnings.addAll(statusWarnings(id, result, requestedSources));

            List<RangeComparison> ranges = new ArrayList<>();
            for (int entry = 0; entry < result.interpretations().size(); entry++) {
                SourceFlag flag = result.interpretations().get(entry);
                if (flag.range().isEmpty()) {
                    continue;
                }
                RangeUsed range = flag.range().get();
                String source = flag.source().orElse(null);
                int used = range.revision();
                Optional<List<RangeRevision>> history = in.histories().getOrDefault(range.rangeId(), Optional.empty());
                if (history.isEmpty() && !in.historiesSkipped() && historyWarned.add(range.rangeId())) {
                    warnings.add(Warning.notice(
                            "range-history-unavailable",
                            "The history of range " + range.rangeId() + " (" + source + ") could not be read.",
                            id));
                }
                List<RangeRevision> revisions = history.orElse(List.of());
                List<Integer> order = IntStream.range(0, revisions.size())
                        .boxed()
                        .sorted(Comparator.comparingInt(i -> revisions.get(i).revision()))
                        .toList();
                Optional<Integer> latest = order.isEmpty()
                        ? Optional.empty()
                        : Optional.of(revisions.get(order.get(order.size() - 1)).revision());
                Optional<Source> sourceInfo = Optional.ofNullable(in.sources().get(source));
                ranges.add(new RangeComparison(
                        entry,
                        source,
                        sourceInfo.flatMap(Source::name),
                        sourceInfo.flatMap(Source::kind),
                        range.rangeId(),
                        used,
                        latest,
                        latest.isPresent() && latest.get() == used,
                        order));
                String recordedAt = order.stream()
                        .map(revisions::get)
                        .filter(r -> r.revision() == used)
                        .findFirst()
                        .flatMap(RangeRevision::recordedAt)
                        .orElse(null);
                revisionsUsed.putIfAbsent(
                        range.rangeId() + "#" + used,
                        new RangeRevisionRef(
                                source,
                                analyteCode,
                                range.rangeId(),
                                used,
                                range.effectiveFrom().orElse(null),
                                recordedAt));
            }

            disagreement(id, analyteCode, result).ifPresent(disagreements::add);
            boolean deltaCheck = result.delta()
                    .filter(delta -> delta.possible().orElse(true))
                    .isPresent();
            results.add(new ResultFindings(collectedAt.getOrDefault(id, Optional.empty()), ranges, deltaCheck));
        }

        for (String id : collectedAt.keySet()) {
            if (!answered.contains(id)) {
                warnings.add(Warning.clinical(
                        "result-missing", "interpretation-service returned nothing for result " + id + ".", id));
            }
        }
        in.interpretation()
                .rangesState()
                .filter(InterpretationAnswer.RangesState::stale)
                .ifPresent(state -> warnings.add(Warning.notice(
                        "ranges-cached",
                        "interpretation-service could not confirm the latest ranges and used its cached copy (confirmed at "
                                + state.confirmedAt().orElse(null) + ").",
                        null)));
        if (in.historiesSkipped()) {
            warnings.add(Warning.notice(
                    "range-histories-skipped",
                    "The panel used too many distinct ranges to include every range's history.",
                    null));
        }
        List<ServiceVersion> services = new ArrayList<>();
        in.serviceVersions().forEach((name, version) -> {
            services.add(new ServiceVersion(name, version.orElse(null)));
            if (version.isEmpty()) {
                warnings.add(Warning.notice("service-version-unknown", name + " did not report its version.", null));
            }
        });
        boolean complete = warnings.stream().noneMatch(w -> w.severity() == Warning.Severity.CLINICAL);
        return new ReportFindings(
                complete, warnings, results, disagreements, services, List.copyOf(revisionsUsed.values()));
    }

    private static List<Warning> statusWarnings(String id, InterpretedResult result, Set<String> requestedSources) {
        List<Warning> warnings = new ArrayList<>();
        String status = result.status().orElse(null);
        if ("REJECTED".equals(status)) {
            String why = result.problems().stream()
                    .map(p ->
                            p.field().map(f -> f + ": ").orElse("") + p.reason().orElse(p.asGiven()))
                    .collect(Collectors.joining("; "));
            warnings.add(Warning.clinical(
                    "result-rejected",
                    "Result " + id + " was rejected and not interpreted" + (why.isEmpty() ? "." : ": " + why),
                    id));
        } else if ("NO_RANGE".equals(status)) {
            warnings.add(Warning.clinical(
                    "no-range",
                    "Result " + id + " has no applicable range, so it carries no flag" + reasons(result) + ".",
                    id));
        } else if (!"INTERPRETED".equals(status)) {
            warnings.add(Warning.clinical(
                    "unknown-status",
                    "Result " + id + " came back with status " + status + ", which this gateway does not know.",
                    id));
        } else {
            for (NotEvaluated skipped : result.notEvaluated()) {
                String source = skipped.source().orElse(null);
                String message = "Result " + id + " was not evaluated against " + source + ": "
                        + skipped.reason().orElse(null) + ".";
                // A source the client asked for by name is part of the answer it expects.
                warnings.add(
                        requestedSources.contains(source)
                                ? Warning.clinical("source-not-evaluated", message, id)
                                : Warning.notice("source-not-evaluated", message, id));
            }
        }
        return warnings;
    }

    private static String reasons(InterpretedResult result) {
        String reasons = result.notEvaluated().stream()
                .map(n -> n.source().orElse(null) + ": " + n.reason().orElse(null))
                .collect(Collectors.joining("; "));
        return reasons.isEmpty() ? "" : " (" + reasons + ")";
    }

    private static Optional<Disagreement> disagreement(String id, String analyteCode, InterpretedResult result) {
        Optional<InterpretationAnswer.Agreement> agreement = result.agreement();
        Map<String, String> flags = new LinkedHashMap<>();
        Optional<Map<String, String>> givenFlags = agreement.flatMap(InterpretationAnswer.Agreement::flags);
        if (givenFlags.isPresent()) {
            flags.putAll(givenFlags.get());
        } else {
            for (SourceFlag entry : result.interpretations()) {
                flags.put(entry.source().orElse(null), entry.flag().orElse(null));
            }
        }
        Optional<Boolean> unanimous = agreement.flatMap(InterpretationAnswer.Agreement::unanimous);
        boolean disagree = unanimous.isPresent()
                ? !unanimous.get()
                : flags.values().stream().distinct().count() > 1;
        if (!disagree) {
            return Optional.empty();
        }
        String summary = agreement
                .flatMap(InterpretationAnswer.Agreement::summary)
                .orElseGet(() -> flags.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", "Sources disagree: ", "")));
        return Optional.of(new Disagreement(id, analyteCode, flags, summary));
    }
}
