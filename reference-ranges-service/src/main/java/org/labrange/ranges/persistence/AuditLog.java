package org.labrange.ranges.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.labrange.ranges.domain.AuditEntry;

/** The append-only trail of every write: who, what, why. */
@ApplicationScoped
public class AuditLog {

    public void record(
            String actor, String action, String subjectType, String subjectId, String reason, String detail) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.actor = actor;
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.reason = reason;
        entry.detail = detail;
        entry.persist();
    }

    /** Entries by an author and in a period of recording, oldest first, at most {@code limit}. */
    public List<AuditEntry> find(Optional<String> author, Optional<Instant> since, Optional<Instant> until, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        author.ifPresent(a -> {
            where.append(" and actor = :actor");
            params.put("actor", a);
        });
        since.ifPresent(s -> {
            where.append(" and recordedAt >= :since");
            params.put("since", s);
        });
        until.ifPresent(u -> {
            where.append(" and recordedAt < :until");
            params.put("until", u);
        });
        return AuditEntryEntity.<AuditEntryEntity>find(where + " order by id", params).page(0, limit).stream()
                .map(e -> new AuditEntry(
                        e.id,
                        e.recordedAt,
                        e.actor,
                        e.action,
                        e.subjectType,
                        e.subjectId,
                        e.reason,
                        Optional.ofNullable(e.detail)))
                .toList();
    }
}
