package org.labrange.gateway.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.labrange.gateway.domain.OverviewFindings.LastRevision;
import org.labrange.gateway.domain.OverviewFindings.RangeStanding;
import org.labrange.gateway.domain.OverviewFindings.SourceRanges;

/** Groups the ranges in effect for an analyte by source and adds each range's last revision. */
public final class OverviewAssembler {

    private OverviewAssembler() {}

    /**
     * @param ranges    the revisions in effect, as /ranges?analyte= answered
     * @param sources   every known source by code
     * @param histories each range's history by range id; empty when it could not be read
     */
    public static OverviewFindings assemble(
            List<RangeInEffect> ranges,
            Map<String, Source> sources,
            Map<String, Optional<List<RangeRevision>>> histories,
            boolean historiesSkipped,
            LocalDate today) {
        Map<String, List<RangeStanding>> bySource = new TreeMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (int position = 0; position < ranges.size(); position++) {
            RangeInEffect range = ranges.get(position);
            String rangeId = range.rangeId().orElse(null);
            Optional<List<RangeRevision>> history = histories.getOrDefault(rangeId, Optional.empty());
            if (history.isEmpty() && !historiesSkipped) {
                warnings.add(Warning.notice(
                        "range-history-unavailable", "The history of range " + rangeId + " could not be read.", null));
            }
            Optional<LastRevision> last = history.flatMap(
                            h -> h.stream().max(Comparator.comparingInt(RangeRevision::revision)))
                    .map(r -> lastRevision(r, today));
            bySource.computeIfAbsent(range.sourceCode().orElse("?"), k -> new ArrayList<>())
                    .add(new RangeStanding(position, history.map(List::size), last));
        }
        if (historiesSkipped) {
            warnings.add(Warning.notice(
                    "range-histories-skipped",
                    "Too many ranges to read every history; lastRevision is missing.",
                    null));
        }
        List<SourceRanges> grouped = new ArrayList<>();
        bySource.forEach((code, standings) -> {
            Optional<Source> source = Optional.ofNullable(sources.get(code));
            grouped.add(new SourceRanges(
                    code,
                    source.flatMap(Source::name),
                    source.flatMap(Source::kind),
                    source.flatMap(Source::citation),
                    standings));
        });
        List<String> without = sources.keySet().stream()
                .filter(code -> !bySource.containsKey(code))
                .sorted()
                .toList();
        return new OverviewFindings(grouped, without, warnings);
    }

    private static LastRevision lastRevision(RangeRevision revision, LocalDate today) {
        boolean scheduled = revision.effectiveFrom()
                .map(from -> {
                    try {
                        return LocalDate.parse(from).isAfter(today);
                    } catch (DateTimeParseException e) {
                        return false;
                    }
                })
                .orElse(false);
        return new LastRevision(
                revision.revision(),
                revision.status().orElse(null),
                revision.effectiveFrom().orElse(null),
                revision.recordedAt().orElse(null),
                revision.recordedBy().orElse(null),
                revision.reason().orElse(null),
                scheduled);
    }
}
