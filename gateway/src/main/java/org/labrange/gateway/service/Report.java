package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.labrange.gateway.domain.ReportFindings.Disagreement;
import org.labrange.gateway.domain.ReportFindings.RangeRevisionRef;
import org.labrange.gateway.domain.ReportFindings.ServiceVersion;
import org.labrange.gateway.domain.Warning;

/**
 * One report for a patient's panel. Upstream parts (analyte, value, interpretations, agreement,
 * delta, patterns…) are carried as received so that nothing the interpretation service says is
 * lost or reworded; the rest are the domain's findings.
 *
 * @param complete false when any CLINICAL warning is present: the report must not be read as a full answer
 * @param basis    what the report was computed from, as interpretation-service stated it ({@code knownAt},
 *                 {@code requested}, {@code changeFeedPosition}); send {@code basis.knownAt} back as the
 *                 request's {@code knownAt} to reproduce the report
 */
public record Report(
        String reportId,
        PatientSummary patient,
        boolean complete,
        List<Warning> warnings,
        List<ResultEntry> results,
        List<Disagreement> disagreements,
        List<JsonNode> patterns,
        List<DeltaCheck> deltaChecks,

        /** What the report was computed from, as interpretation-service stated it (documented in api.schema). */
        JsonNode basis,

        Provenance provenance) {

    /** The patient as given in the request (id is the caller's own, never sent upstream). */
    public record PatientSummary(String id, String sex, String birthDate, String age) {}

    /** One result with its interpretation per source and the ranges used, each with its history. */
    public record ResultEntry(
            String id,
            String status,
            String collectedAt,
            String collectionDate,
            JsonNode analyte,
            JsonNode value,
            List<JsonNode> interpretations,
            List<RangeHistory> ranges,
            List<JsonNode> notEvaluated,
            JsonNode agreement,
            JsonNode delta,
            List<JsonNode> associations,
            List<JsonNode> problems) {}

    /**
     * A range used for a result, side by side with the other sources' ranges.
     *
     * @param revisionUsed         the revision the interpretation applied
     * @param latestRevision       the newest revision as known at the report's basis.knownAt (null when the
     *                             history could not be read)
     * @param usedRevisionIsLatest false when the range has been revised since (possibly for a later date)
     * @param revisions            the history as known at basis.knownAt, oldest first (empty when it could not
     *                             be read)
     */
    public record RangeHistory(
            String source,
            String sourceName,
            String sourceKind,
            String rangeId,
            int revisionUsed,
            Integer latestRevision,
            boolean usedRevisionIsLatest,
            JsonNode rangeUsed,
            List<JsonNode> revisions) {}

    /** A significant change against the patient's earlier results, as judged by the interpretation service. */
    public record DeltaCheck(String resultId, String analyteCode, JsonNode delta) {}

    /**
     * What produced the report.
     *
     * @param rangesState what interpretation-service says about the ranges it used (change sequence,
     *                    when confirmed, whether its copy was stale)
     * @param basis       what the answer was computed from, as in the report's {@code basis}
     */
    public record Provenance(
            String requestId,
            Instant requestedAt,
            Instant completedAt,
            String evaluatedAt,
            String rulesVersion,
            JsonNode rangesState,
            JsonNode basis,
            List<ServiceVersion> services,
            List<RangeRevisionRef> rangeRevisions) {}
}
