package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.labrange.gateway.domain.OverviewFindings.LastRevision;
import org.labrange.gateway.domain.Warning;

/** Every source's current ranges for one analyte, side by side. */
public record AnalyteOverview(
        JsonNode analyte,
        Instant generatedAt,
        List<SourceRanges> sources,
        List<String> sourcesWithoutRanges,
        List<Warning> warnings) {

    /** One source and its ranges in effect. */
    public record SourceRanges(
            String sourceCode, String name, String kind, String citation, List<RangeSummary> ranges) {}

    /**
     * @param current       the revision in effect (as reference-ranges-service returned it)
     * @param revisionCount how many revisions the range has (null when its history could not be read)
     * @param lastRevision  the newest revision (null when its history could not be read)
     */
    public record RangeSummary(JsonNode current, Integer revisionCount, LastRevision lastRevision) {}
}
