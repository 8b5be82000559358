package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.RangeStore;

/** Imports of many ranges at once, all or nothing. */
@ApplicationScoped
public class RangeImportService {

    /** How an imported row relates to what is stored. */
    public enum ImportAction {
        CREATE,
        REVISE,
        UNCHANGED
    }

    /** The outcome for one imported row. */
    public record ImportOutcome(int index, ImportAction action, Optional<UUID> rangeId, Optional<Integer> revision) {}

    @Inject
    RangeStore store;

    @Inject
    RangeWriter writer;

    @Inject
    AuditLog audit;

    /**
     * Imports ranges all or nothing: each row is matched to a stored active range with the same analyte,
     * source, category and population; a match with other bounds is revised, no match is created.
     */
    @Transactional
    public List<ImportOutcome> importRanges(
            List<NewRange> rows, LocalDate effectiveFrom, String author, String reason, boolean dryRun) {
        List<FieldError> errors = new ArrayList<>(RangeWriter.checkWrite(effectiveFrom, reason, ""));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "ranges[" + i + "].";
            NewRange row = rows.get(i);
            errors.addAll(writer.checkNew(row, prefix));
            Integer earlier = seen.putIfAbsent(key(row), i);
            if (earlier != null) {
                errors.add(new FieldError(
                        prefix + "population",
                        "same analyte, source, category and population as ranges[" + earlier + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        if (!dryRun) {
            store.lockWriters();
        }
        Map<String, RangeRevision> stored = new HashMap<>();
        for (RangeRevision r : store.latestOfEveryRange()) {
            if (r.status() == RangeStatus.ACTIVE) {
                stored.put(key(new NewRange(r.analyteCode(), r.sourceCode(), r.category(), r.content())), r);
            }
        }
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            outcomes.add(apply(i, rows.get(i), stored.get(key(rows.get(i))), effectiveFrom, author, reason, dryRun));
        }
        if (!dryRun) {
            audit.record(author, "RANGE_IMPORT", "IMPORT", "rows=" + rows.size(), reason, summary(outcomes));
        }
        return outcomes;
    }

    private ImportOutcome apply(
            int index,
            NewRange row,
            RangeRevision match,
            LocalDate effectiveFrom,
            String author,
            String reason,
            boolean dryRun) {
        if (match == null) {
            Optional<RangeRevision> created =
                    dryRun ? Optional.empty() : Optional.of(writer.create(row, effectiveFrom, author, reason));
            return new ImportOutcome(
                    index,
                    ImportAction.CREATE,
                    created.map(RangeRevision::rangeId),
                    created.map(RangeRevision::revision));
        }
        if (match.content().sameAs(row.content())) {
            return new ImportOutcome(
                    index, ImportAction.UNCHANGED, Optional.of(match.rangeId()), Optional.of(match.revision()));
        }
        int revision = dryRun
                ? match.revision() + 1
                : writer.revise(match, row.content(), effectiveFrom, author, reason)
                        .revision();
        return new ImportOutcome(index, ImportAction.REVISE, Optional.of(match.rangeId()), Optional.of(revision));
    }

    private static String key(NewRange row) {
        return row.analyteCode() + "|" + row.sourceCode() + "|" + row.category() + "|"
                + row.content().population();
    }

    private static String summary(List<ImportOutcome> outcomes) {
        Map<ImportAction, Long> counts = new HashMap<>();
        outcomes.forEach(o -> counts.merge(o.action(), 1L, Long::sum));
        return counts.toString();
    }
}
