package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.labrange.ranges.domain.AuditEntry;
import org.labrange.ranges.persistence.AuditLog;

/** Reads the audit trail of every write. */
@ApplicationScoped
public class AuditService {

    @Inject
    AuditLog audit;

    /** Entries by {@code author} recorded in [since, until), oldest first, at most {@code limit}. */
    @Transactional
    public List<AuditEntry> entries(
            Optional<String> author, Optional<Instant> since, Optional<Instant> until, int limit) {
        return audit.find(author, since, until, limit);
    }
}
