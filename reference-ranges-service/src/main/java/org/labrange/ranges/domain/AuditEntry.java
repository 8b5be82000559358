package org.labrange.ranges.domain;

import java.time.Instant;
import java.util.Optional;

/** One recorded write: who did what to which subject, when and why. */
public record AuditEntry(
        long id,
        Instant recordedAt,
        String actor,
        String action,
        String subjectType,
        String subjectId,
        String reason,
        Optional<String> detail) {}
