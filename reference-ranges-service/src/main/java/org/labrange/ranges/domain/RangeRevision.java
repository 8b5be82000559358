package org.labrange.ranges.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One immutable revision of a range. {@code effectiveTo} (exclusive) is derived: the earliest
 * {@code effectiveFrom} of a later revision of the same range, as known at the time of the question.
 */
public record RangeRevision(
        UUID rangeId,
        int revision,
        long sequence,
        String analyteCode,
        String sourceCode,
        Category category,
        ChangeAction action,
        RangeStatus status,
        RangeContent content,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveTo,
        Instant recordedAt,
        String recordedBy,
        String reason) {}
