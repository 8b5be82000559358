package org.labrange.gateway.domain;

import java.util.List;
import java.util.Optional;

/**
 * An analyte's ranges in effect grouped by source, each with its last revision. The ranges themselves
 * are added around these findings, as reference-ranges-service served them, outside the domain.
 *
 * @param sources              the sources with ranges, ordered by code
 * @param sourcesWithoutRanges known sources with no range in effect, ordered by code
 */
public record OverviewFindings(List<SourceRanges> sources, List<String> sourcesWithoutRanges, List<Warning> warnings) {

    /** One source and its ranges in effect. */
    public record SourceRanges(
            String sourceCode,
            Optional<String> name,
            Optional<String> kind,
            Optional<String> citation,
            List<RangeStanding> ranges) {}

    /**
     * @param position      the range's position among the ranges in effect given to the assembler
     * @param revisionCount how many revisions the range has (empty when its history could not be read)
     * @param lastRevision  the newest revision (empty when its history could not be read)
     */
    public record RangeStanding(int position, Optional<Integer> revisionCount, Optional<LastRevision> lastRevision) {}

    /**
     * The newest revision of a range; text fields are null when the service did not give them.
     *
     * @param scheduled true when the last revision only takes effect after today
     */
    public record LastRevision(
            int revision,
            String status,
            String effectiveFrom,
            String recordedAt,
            String recordedBy,
            String reason,
            boolean scheduled) {}
}
