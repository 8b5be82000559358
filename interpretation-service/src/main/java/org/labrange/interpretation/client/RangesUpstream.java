package org.labrange.interpretation.client;

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

    LatestChange latestChange(UpstreamCall call, Optional<String> ifNoneMatch);

    record Timeline(Analyte analyte, long changeSequence, List<RangeRevision> revisions) {}

    /** {@code notModified} when the ETag still matches; {@code sequence} is then the one already known. */
    record LatestChange(boolean notModified, long sequence, Optional<String> etag) {}
}
