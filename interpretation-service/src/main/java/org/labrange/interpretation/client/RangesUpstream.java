package org.labrange.interpretation.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.labrange.interpretation.domain.Analyte;
import org.labrange.interpretation.domain.RangeRevision;
import org.labrange.interpretation.domain.Source;

/** What the cache needs from the ranges service; failures are thrown as runtime exceptions. */
public interface RangesUpstream {

    List<Analyte> analytes(UpstreamCall call);

    List<Source> sources(UpstreamCall call);

    /** Empty when the ranges service does not know the analyte (404). */
    Optional<Timeline> timeline(String code, UpstreamCall call);

    /**
     * The analyte's ranges as known at {@code knownAt}: only revisions recorded at or before it, with their valid
     * periods as known then. Empty when the ranges service does not know the analyte (404).
     */
    Optional<Timeline> timelineKnownAt(String code, Instant knownAt, UpstreamCall call);

    LatestChange latestChange(UpstreamCall call, Optional<String> ifNoneMatch);

    /**
     * @param changeSequence position of the latest change the revisions include (0 when none had been recorded)
     * @param changeRecordedAt when that change was recorded; empty when none had been
     */
    record Timeline(
            Analyte analyte, long changeSequence, Optional<Instant> changeRecordedAt, List<RangeRevision> revisions) {

        public Timeline(Analyte analyte, long changeSequence, List<RangeRevision> revisions) {
            this(analyte, changeSequence, Optional.empty(), revisions);
        }
    }

    /**
     * {@code notModified} when the ETag still matches; {@code sequence} is then the one already known.
     * {@code recordedAt} is when the latest change was recorded, when the answer says so.
     */
    record LatestChange(boolean notModified, long sequence, Optional<String> etag, Optional<Instant> recordedAt) {

        public LatestChange(boolean notModified, long sequence, Optional<String> etag) {
            this(notModified, sequence, etag, Optional.empty());
        }
    }
}
