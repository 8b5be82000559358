package org.labrange.gateway.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway concludes about a panel from the services' answers: the warnings, whether the report
 * is complete, the ranges side by side, disagreements and the range revisions relied on. The upstream
 * parts that the report carries unchanged are added around these findings outside the domain.
 *
 * @param complete false when any CLINICAL warning is present: the report must not be read as a full answer
 * @param results  one entry per interpreted result, in the order the interpretation answered them
 */
public record ReportFindings(
        boolean complete,
        List<Warning> warnings,
        List<ResultFindings> results,
        List<Disagreement> disagreements,
        List<ServiceVersion> services,
        List<RangeRevisionRef> rangeRevisions) {

    /**
     * @param collectedAt when the client said the result was collected
     * @param ranges      every range the result was interpreted against
     * @param deltaCheck  true when the interpretation could compare the result with earlier ones
     */
    public record ResultFindings(Optional<String> collectedAt, List<RangeComparison> ranges, boolean deltaCheck) {}

    /**
     * A range used for a result, side by side with the other sources' ranges.
     *
     * @param entry                the position of the source's entry among the result's interpretations
     * @param latestRevision       the newest revision known now (empty when the history could not be read)
     * @param usedRevisionIsLatest false when the range has been revised since (possibly for a later date)
     * @param historyOrder         positions in the range's history, oldest revision first (empty when it
     *                             could not be read)
     */
    public record RangeComparison(
            int entry,
            String source,
            Optional<String> sourceName,
            Optional<String> sourceKind,
            String rangeId,
            int revisionUsed,
            Optional<Integer> latestRevision,
            boolean usedRevisionIsLatest,
            List<Integer> historyOrder) {}

    /** Sources that flag one result differently. */
    public record Disagreement(String resultId, String analyteCode, Map<String, String> flags, String summary) {}

    /** @param version null when the service did not tell */
    public record ServiceVersion(String name, String version) {}

    /** A range revision the report relied on. */
    public record RangeRevisionRef(
            String source, String analyteCode, String rangeId, int revision, String effectiveFrom, String recordedAt) {}
}
