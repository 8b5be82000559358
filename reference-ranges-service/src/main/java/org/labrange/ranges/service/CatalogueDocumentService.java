package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteDiff;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.AnalyteRules;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.persistence.AnalyteStore;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.CatalogStore;
import org.labrange.ranges.persistence.RangeStore;
import org.labrange.ranges.service.RangeImportService.ImportAction;
import org.labrange.ranges.service.RangeImportService.ImportOutcome;

/**
 * The whole catalogue (analytes, sources and ranges) as one document: imported all or nothing in one transaction,
 * and exported in the same shape.
 *
 * <p>An import runs the same writers as single writes, in order (analytes, then sources, then ranges, which may
 * name analytes and sources of the same import), so every rule is checked where it is already implemented and
 * every write leaves its usual audit and change-feed entries. A dry run does exactly the same and then rolls the
 * transaction back: its report is what an apply on the same catalogue version writes.
 */
@ApplicationScoped
public class CatalogueDocumentService {

    /** One analyte or source of an import and what the import does with it. */
    public record ItemOutcome(int index, String code, ImportAction action, Optional<Integer> revision) {}

    /**
     * What an import did or would do.
     *
     * @param catalogueVersion for a dry run the version the report was computed at (to send in If-Match); after
     *     an apply the version the import left the catalogue at
     */
    public record CatalogueOutcome(
            boolean dryRun,
            String catalogueVersion,
            List<ItemOutcome> analytes,
            List<ItemOutcome> sources,
            List<ImportOutcome> ranges,
            List<RangeImportService.CoverageWarning> warnings) {}

    /** A source of an import: its code and content. */
    public record SourceDraft(String code, CatalogService.SourceChange change) {}

    /** Analytes (definitions as sent), sources and ranges of an import; a null element is reported, not skipped. */
    public record CatalogueDraft(List<Analyte> analytes, List<SourceDraft> sources, List<NewRange> ranges) {}

    /** The catalogue as it stands: active analytes, every source, the latest revision of every live range. */
    public record CatalogueContent(
            String catalogueVersion,
            List<AnalyteRevision> analytes,
            List<Source> sources,
            List<RangeRevision> ranges) {}

    /** Stands in for a missing reason or date while the rest is checked; such an import always rolls back. */
    private static final String PLACEHOLDER_REASON = "(catalogue import being checked)";

    @Inject
    AnalyteStore analyteStore;

    @Inject
    AnalyteService analytes;

    @Inject
    CatalogStore sourceStore;

    @Inject
    CatalogService sources;

    @Inject
    RangeStore rangeStore;

    @Inject
    RangeImportService rangeImports;

    @Inject
    AuditLog audit;

    @Inject
    TransactionManager transactions;

    /**
     * Imports a catalogue all or nothing. Every error of every item is collected (a field such as
     * {@code analytes[2].loinc}); any error means nothing is written.
     *
     * @param expectedVersion when present, the import is refused (nothing written) unless the catalogue is still
     *     at this version
     */
    @Transactional
    public CatalogueOutcome importCatalogue(
            CatalogueDraft draft,
            Optional<String> expectedVersion,
            LocalDate effectiveFrom,
            String author,
            String reason,
            boolean dryRun) {
        List<FieldError> errors = new ArrayList<>(RangeWriter.checkWrite(effectiveFrom, reason, ""));
        // with the reason or date missing, the items are still checked (and written, to check what depends on
        // them) under stand-ins; the errors above then roll it all back
        String usedReason = errors.isEmpty() ? reason : PLACEHOLDER_REASON;
        LocalDate usedFrom = effectiveFrom != null ? effectiveFrom : LocalDate.now(ZoneOffset.UTC);
        rangeStore.lockWriters();
        String version = currentVersion();
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(version)) {
            throw new DomainException.CatalogueChanged(expectedVersion.get(), version);
        }
        List<ItemOutcome> analyteOutcomes = importAnalytes(draft.analytes(), author, usedReason, errors);
        List<ItemOutcome> sourceOutcomes = importSources(draft.sources(), author, usedReason, errors);
        RangeImportService.RangeImport rangeImport = importRanges(draft.ranges(), usedFrom, author, usedReason, errors);
        List<ImportOutcome> rangeOutcomes = rangeImport.outcomes();
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        audit.record(
                author,
                "CATALOGUE_IMPORT",
                "CATALOGUE",
                "analytes=" + analyteOutcomes.size() + ", sources=" + sourceOutcomes.size() + ", ranges="
                        + rangeOutcomes.size(),
                reason,
                "from version " + version + (dryRun ? " (dry run)" : ""));
        if (dryRun) {
            rollBack();
            return new CatalogueOutcome(
                    true,
                    version,
                    analyteOutcomes,
                    sourceOutcomes,
                    // a range id is drawn at random when the range is created, so a dry run cannot promise one
                    rangeOutcomes.stream()
                            .map(o -> o.action() == ImportAction.CREATE
                                    ? new ImportOutcome(o.index(), o.action(), Optional.empty(), o.revision())
                                    : o)
                            .toList(),
                    rangeImport.warnings());
        }
        return new CatalogueOutcome(
                false, currentVersion(), analyteOutcomes, sourceOutcomes, rangeOutcomes, rangeImport.warnings());
    }

    /** The catalogue as it stands, with the version an import based on it sends in If-Match. */
    @Transactional
    public CatalogueContent export() {
        // under the writer lock, so that the version and the content are one state
        rangeStore.lockWriters();
        List<AnalyteRevision> active = analyteStore.current().stream()
                .filter(r -> r.status() == RangeStatus.ACTIVE)
                .toList();
        List<RangeRevision> live = rangeStore.latestOfEveryRange().stream()
                .filter(r -> r.status() == RangeStatus.ACTIVE)
                .sorted(Comparator.comparing(RangeRevision::analyteCode)
                        .thenComparing(RangeRevision::sourceCode)
                        .thenComparing(RangeRevision::category)
                        .thenComparing(RangeRevision::sequence))
                .toList();
        return new CatalogueContent(currentVersion(), active, sourceStore.sources(), live);
    }

    /**
     * The catalogue version: the change-feed position, which every analyte and range write moves, and a digest of
     * the sources, whose edits have no place in the change feed. Read under the writer lock it is exact.
     */
    String currentVersion() {
        CRC32 digest = new CRC32();
        for (Source s : sourceStore.sources()) {
            digest.update((s.code() + "\u001f" + s.name() + "\u001f" + s.kind() + "\u001f" + s.citation() + "\u001f"
                            + s.url().orElse("") + "\u001e")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return rangeStore.latestSequence() + "-" + String.format("%08x", digest.getValue());
    }

    private List<ItemOutcome> importAnalytes(
            List<Analyte> drafts, String author, String reason, List<FieldError> errors) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "analytes[" + i + "].";
            if (drafts.get(i) == null) {
                errors.add(new FieldError("analytes[" + i + "]", "must be an object"));
                continue;
            }
            Analyte analyte = AnalyteRules.normalised(drafts.get(i));
            List<FieldError> problems = new ArrayList<>(prefixed(AnalyteRules.check(analyte), prefix));
            if (analyte.code() != null) {
                Integer earlier = seen.putIfAbsent(analyte.code(), i);
                if (earlier != null) {
                    problems.add(new FieldError(prefix + "code", "the same code as analytes[" + earlier + "]"));
                }
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            Optional<AnalyteRevision> current = analyteStore.current(analyte.code());
            if (current.isPresent() && current.get().status() == RangeStatus.RETIRED) {
                errors.add(new FieldError(
                        prefix + "code",
                        "analyte '" + analyte.code() + "' is retired (revision "
                                + current.get().revision() + "); codes are never reused"));
                continue;
            }
            if (current.isPresent()
                    && AnalyteDiff.ofDefinition(current.get().analyte(), analyte)
                            .isEmpty()) {
                outcomes.add(new ItemOutcome(
                        i,
                        analyte.code(),
                        ImportAction.UNCHANGED,
                        Optional.of(current.get().revision())));
                continue;
            }
            problems.addAll(analytes.problemsWithOthers(analyte, prefix));
            if (current.isPresent()) {
                problems.addAll(analytes.problemsWithLiveRanges(analyte, prefix));
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            AnalyteRevision written = current.isPresent()
                    ? analytes.appendRevision(current.get(), analyte, author, reason)
                    : analytes.appendFirst(analyte, author, reason);
            outcomes.add(new ItemOutcome(
                    i,
                    analyte.code(),
                    current.isPresent() ? ImportAction.REVISE : ImportAction.CREATE,
                    Optional.of(written.revision())));
        }
        return outcomes;
    }

    private List<ItemOutcome> importSources(
            List<SourceDraft> drafts, String author, String reason, List<FieldError> errors) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "sources[" + i + "].";
            SourceDraft draft = drafts.get(i);
            if (draft == null) {
                errors.add(new FieldError("sources[" + i + "]", "must be an object"));
                continue;
            }
            Optional<Source> current = Optional.ofNullable(draft.code()).flatMap(sourceStore::source);
            List<FieldError> problems =
                    CatalogService.checkSource(draft.code(), draft.change(), current.isEmpty(), prefix);
            if (draft.code() != null && !seen.add(draft.code())) {
                problems.add(new FieldError(prefix + "code", "the same code as an earlier source of this import"));
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            if (current.isEmpty()) {
                sources.createSource(draft.code(), draft.change(), author, reason);
                outcomes.add(new ItemOutcome(i, draft.code(), ImportAction.CREATE, Optional.empty()));
            } else if (current.get().equals(CatalogService.apply(draft.code(), draft.change()))) {
                outcomes.add(new ItemOutcome(i, draft.code(), ImportAction.UNCHANGED, Optional.empty()));
            } else {
                sources.updateSource(draft.code(), draft.change(), author, reason);
                outcomes.add(new ItemOutcome(i, draft.code(), ImportAction.REVISE, Optional.empty()));
            }
        }
        return outcomes;
    }

    private RangeImportService.RangeImport importRanges(
            List<NewRange> rows, LocalDate effectiveFrom, String author, String reason, List<FieldError> errors) {
        List<NewRange> objects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                errors.add(new FieldError("ranges[" + i + "]", "must be an object"));
            }
            objects.add(rows.get(i));
        }
        RangeImportService.RangeImport nothing = new RangeImportService.RangeImport(List.of(), List.of());
        if (objects.contains(null)) {
            return nothing;
        }
        try {
            return rangeImports.importRanges(objects, effectiveFrom, author, reason, false);
        } catch (DomainException.Invalid invalid) {
            // reason and date were checked once for the whole import; the rows' own errors are all named ranges[i]
            invalid.errors().stream()
                    .filter(e -> e.field().startsWith("ranges["))
                    .forEach(errors::add);
            return nothing;
        }
    }

    private void rollBack() {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException e) {
            throw new IllegalStateException("A dry run could not mark its transaction for rollback", e);
        }
    }

    private static List<FieldError> prefixed(List<FieldError> errors, String prefix) {
        return errors.stream()
                .map(e -> new FieldError(prefix + e.field(), e.reason()))
                .toList();
    }
}
