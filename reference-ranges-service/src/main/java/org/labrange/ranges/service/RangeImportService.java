package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeCoverage;
import org.labrange.ranges.domain.RangeFilter;
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

    /**
     * A gap or an overlap between age and sex bands that the import creates for an analyte, source and category
     * (one the ranges in effect on the import's date did not have before it), as {@link RangeCoverage} finds them.
     */
    public record CoverageWarning(
            String analyteCode,
            String sourceCode,
            Category category,
            Optional<RangeCoverage.Gap> gap,
            Optional<RangeCoverage.Overlap> overlap) {}

    /** What an import did (or would do), and the coverage gaps and overlaps it creates. */
    public record RangeImport(List<ImportOutcome> outcomes, List<CoverageWarning> warnings) {}

    @Inject
    RangeStore store;

    @Inject
    RangeWriter writer;

    @Inject
    AuditLog audit;

    @Inject
    TransactionManager transactions;

    /**
     * Imports ranges all or nothing: each row is matched to a stored active range with the same analyte,
     * source, category and population; a match with other bounds is revised, no match is created. A dry run
     * writes the same and rolls back, so what it reports (warnings included) is what the import would do.
     */
    @Transactional
    public RangeImport importRanges(
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
        store.lockWriters();
        Map<String, RangeRevision> stored = new HashMap<>();
        for (RangeRevision r : store.latestOfEveryRange()) {
            if (r.status() == RangeStatus.ACTIVE) {
                stored.put(key(new NewRange(r.analyteCode(), r.sourceCode(), r.category(), r.content())), r);
            }
        }
        Set<String> analytes = new TreeSet<>();
        Set<String> groups = new HashSet<>();
        rows.forEach(r -> {
            analytes.add(r.analyteCode());
            groups.add(group(r.analyteCode(), r.sourceCode(), r.category()));
        });
        Map<String, List<RangeCoverage.Group>> before = coverage(analytes, effectiveFrom);
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            outcomes.add(apply(i, rows.get(i), stored.get(key(rows.get(i))), effectiveFrom, author, reason));
        }
        List<CoverageWarning> warnings = created(before, coverage(analytes, effectiveFrom), groups);
        audit.record(author, "RANGE_IMPORT", "IMPORT", "rows=" + rows.size(), reason, summary(outcomes));
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("A dry run could not mark its transaction for rollback", e);
            }
            // a range id is drawn when the range is created, so a dry run cannot promise one
            outcomes = outcomes.stream()
                    .map(o -> o.action() == ImportAction.CREATE
                            ? new ImportOutcome(o.index(), o.action(), Optional.empty(), o.revision())
                            : o)
                    .toList();
        }
        return new RangeImport(outcomes, warnings);
    }

    /** The coverage groups of each analyte's ranges in effect on {@code on}, as known now (this transaction). */
    private Map<String, List<RangeCoverage.Group>> coverage(Set<String> analytes, LocalDate on) {
        Map<String, List<RangeCoverage.Group>> coverage = new HashMap<>();
        for (String analyte : analytes) {
            RangeFilter filter =
                    new RangeFilter(Optional.of(analyte), Optional.empty(), Optional.empty(), Optional.empty());
            coverage.put(analyte, RangeCoverage.of(store.inEffect(filter, on, Instant.now())));
        }
        return coverage;
    }

    /** The gaps and overlaps of the imported groups that were not there before. */
    private static List<CoverageWarning> created(
            Map<String, List<RangeCoverage.Group>> before,
            Map<String, List<RangeCoverage.Group>> after,
            Set<String> touched) {
        List<CoverageWarning> warnings = new ArrayList<>();
        after.forEach((analyte, groups) -> {
            for (RangeCoverage.Group g : groups) {
                if (!touched.contains(group(analyte, g.sourceCode(), g.category()))) {
                    continue;
                }
                Optional<RangeCoverage.Group> was = before.get(analyte).stream()
                        .filter(b -> b.sourceCode().equals(g.sourceCode()) && b.category() == g.category())
                        .findFirst();
                g.gaps().stream()
                        .filter(gap -> was.map(w -> !w.gaps().contains(gap)).orElse(true))
                        .forEach(gap -> warnings.add(new CoverageWarning(
                                analyte, g.sourceCode(), g.category(), Optional.of(gap), Optional.empty())));
                g.overlaps().stream()
                        .filter(o -> was.map(w -> !w.overlaps().contains(o)).orElse(true))
                        .forEach(o -> warnings.add(new CoverageWarning(
                                analyte, g.sourceCode(), g.category(), Optional.empty(), Optional.of(o))));
            }
        });
        return warnings;
    }

    private static String group(String analyte, String source, Category category) {
        return analyte + "|" + source + "|" + category;
    }

    private ImportOutcome apply(
            int index, NewRange row, RangeRevision match, LocalDate effectiveFrom, String author, String reason) {
        if (match == null) {
            RangeRevision created = writer.create(row, effectiveFrom, author, reason);
            return new ImportOutcome(
                    index, ImportAction.CREATE, Optional.of(created.rangeId()), Optional.of(created.revision()));
        }
        if (match.content().sameAs(row.content())) {
            return new ImportOutcome(
                    index, ImportAction.UNCHANGED, Optional.of(match.rangeId()), Optional.of(match.revision()));
        }
        int revision = writer.revise(match, row.content(), effectiveFrom, author, reason)
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
