package org.labrange.interpretation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One result to interpret, as the caller wrote it (analyte by code or alias, value as text, unit as typed). */
public record LabResult(
        String id,
        String analyte,
        Optional<String> specimen,
        String value,
        String unit,
        Instant collectedAt,
        Optional<String> method,
        List<PreviousResult> previous) {

    public LabResult {
        previous = List.copyOf(previous);
    }

    /** An earlier result of the same analyte for the same patient, for the delta check. */
    public record PreviousResult(String value, String unit, Instant collectedAt) {}
}
