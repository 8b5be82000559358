package org.labrange.ranges.domain;

import java.time.Instant;

/**
 * One immutable revision of an analyte. Analytes have no valid time: a revision applies from the moment it is
 * recorded, and "as known at" a moment means the latest revision recorded by then.
 *
 * @param sequence the position in the change feed shared with range revisions
 */
public record AnalyteRevision(
        Analyte analyte,
        int revision,
        long sequence,
        ChangeAction action,
        RangeStatus status,
        Instant recordedAt,
        String recordedBy,
        String reason) {

    public String code() {
        return analyte.code();
    }
}
