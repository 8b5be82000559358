package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeDiff;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.persistence.AnalyteEntity;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.RangeStore;
import org.labrange.ranges.persistence.SourceEntity;

/** Reads and writes of versioned ranges. Every write appends a revision; nothing is changed in place. */
@ApplicationScoped
public class RangeService {

    /** A patient to match populations against: an age or a birth date (or neither). */
    public record Patient(Optional<Period> age, Optional<LocalDate> birthDate) {}

    /** A new range: its fixed identity plus its first content. */
    public record NewRange(String analyteCode, String sourceCode, Category category, RangeContent content) {}

    /** The ranges of an analyte as known now, plus the change sequence they reflect. */
    public record Timeline(AnalyteEntity analyte, long changeSequence, List<RangeRevision> revisions) {}

    @Inject
    RangeStore store;

    @Inject
    CatalogService catalog;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    // ---- reads -------------------------------------------------------------------------------

    @Transactional
    public List<RangeRevision> rangesInEffect(
            RangeStore.Filter filter, Patient patient, LocalDate on, Instant knownAt, boolean includeRetired) {
        return store.inEffect(filter, on, knownAt).stream()
                .filter(r -> includeRetired || r.status() == RangeStatus.ACTIVE)
                .filter(r -> patient.birthDate()
                        .map(b -> r.content().population().matchesAge(b, on))
                        .or(() ->
                                patient.age().map(a -> r.content().population().matchesAge(a)))
                        .orElse(true))
                .toList();
    }

    @Transactional
    public RangeRevision currentRevision(UUID rangeId) {
        return store.latest(rangeId).orElseThrow(() -> notFound(rangeId));
    }

    @Transactional
    public List<RangeRevision> history(UUID rangeId) {
        List<RangeRevision> history = store.history(rangeId);
        if (history.isEmpty()) {
            throw notFound(rangeId);
        }
        return history;
    }

    @Transactional
    public RangeRevision revision(UUID rangeId, int revision) {
        return store.revision(rangeId, revision)
                .orElseThrow(() -> new DomainException.NotFound("Range " + rangeId + " has no revision " + revision));
    }

    @Transactional
    public List<RangeDiff.FieldChange> diff(UUID rangeId, int from, int to) {
        return RangeDiff.between(revision(rangeId, from), revision(rangeId, to));
    }

    @Transactional
    public Timeline timeline(String analyteCode) {
        AnalyteEntity analyte = catalog.analyte(analyteCode);
        long sequence = store.latestSequence();
        return new Timeline(analyte, sequence, store.timeline(analyteCode));
    }

    @Transactional
    public long latestSequence() {
        return store.latestSequence();
    }

    @Transactional
    public List<RangeRevision> changesSince(long since, int limit) {
        return store.changesSince(since, limit);
    }

    // ---- writes ------------------------------------------------------------------------------

    @Transactional
    public RangeRevision createRange(NewRange range, LocalDate effectiveFrom, String author, String reason) {
        List<FieldError> errors = new ArrayList<>(checkNew(range, ""));
        errors.addAll(checkWrite(effectiveFrom, reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        store.lockWriters();
        return create(range, effectiveFrom, author, reason);
    }

    @Transactional
    public RangeRevision reviseRange(
            UUID rangeId,
            Optional<Integer> expectedRevision,
            RangeContent change,
            LocalDate effectiveFrom,
            String author,
            String reason) {
        int expected = expectedRevision.orElseThrow(() -> new DomainException.RevisionRequired(
                "Send If-Match with the revision you edited (the ETag of GET /api/v1/ranges/" + rangeId + ")"));
        RangeRevision unlocked = currentRevision(rangeId);
        List<FieldError> errors = new ArrayList<>(change.validate(""));
        errors.addAll(checkUnit(change.unit(), unlocked.analyteCode(), "unit"));
        errors.addAll(checkWrite(effectiveFrom, reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        store.lockWriters();
        RangeRevision current = currentRevision(rangeId);
        if (current.revision() != expected) {
            throw new DomainException.StaleRevision(expected, current);
        }
        return revise(current, change, effectiveFrom, author, reason);
    }

    @Transactional
    public RangeRevision retireRange(
            UUID rangeId, Optional<Integer> expectedRevision, LocalDate effectiveFrom, String author, String reason) {
        int expected = expectedRevision.orElseThrow(
                () -> new DomainException.RevisionRequired("Send If-Match with the revision you are retiring"));
        List<FieldError> errors = checkWrite(effectiveFrom, reason, "");
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        store.lockWriters();
        RangeRevision current = currentRevision(rangeId);
        if (current.revision() != expected) {
            throw new DomainException.StaleRevision(expected, current);
        }
        if (current.status() == RangeStatus.RETIRED) {
            throw new DomainException.Conflict(
                    "Range " + rangeId + " is already retired (revision " + current.revision() + ")");
        }
        RangeRevision retired = store.append(
                rangeId, current.revision() + 1, ChangeAction.RETIRE, current.content(), effectiveFrom, author, reason);
        audit.record(
                author,
                "RANGE_RETIRE",
                "RANGE",
                rangeId + "#" + retired.revision(),
                reason,
                "effective from " + effectiveFrom);
        return retired;
    }

    /** How an imported row relates to what is stored. */
    public enum ImportAction {
        CREATE,
        REVISE,
        UNCHANGED
    }

    /** The outcome for one imported row. */
    public record ImportOutcome(int index, ImportAction action, Optional<UUID> rangeId, Optional<Integer> revision) {}

    /**
     * Imports ranges all or nothing: each row is matched to a stored active range with the same analyte,
     * source, category and population; a match with other bounds is revised, no match is created.
     */
    @Transactional
    public List<ImportOutcome> importRanges(
            List<NewRange> rows, LocalDate effectiveFrom, String author, String reason, boolean dryRun) {
        List<FieldError> errors = new ArrayList<>(checkWrite(effectiveFrom, reason, ""));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "ranges[" + i + "].";
            NewRange row = rows.get(i);
            errors.addAll(checkNew(row, prefix));
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
            NewRange row = rows.get(i);
            RangeRevision match = stored.get(key(row));
            if (match == null) {
                Optional<RangeRevision> created =
                        dryRun ? Optional.empty() : Optional.of(create(row, effectiveFrom, author, reason));
                outcomes.add(new ImportOutcome(
                        i,
                        ImportAction.CREATE,
                        created.map(RangeRevision::rangeId),
                        created.map(RangeRevision::revision)));
            } else if (match.content().sameAs(row.content())) {
                outcomes.add(new ImportOutcome(
                        i, ImportAction.UNCHANGED, Optional.of(match.rangeId()), Optional.of(match.revision())));
            } else {
                int revision = dryRun
                        ? match.revision() + 1
                        : revise(match, row.content(), effectiveFrom, author, reason)
                                .revision();
                outcomes.add(
                        new ImportOutcome(i, ImportAction.REVISE, Optional.of(match.rangeId()), Optional.of(revision)));
            }
        }
        if (!dryRun) {
            audit.record(author, "RANGE_IMPORT", "IMPORT", "rows=" + rows.size(), reason, summary(outcomes));
        }
        return outcomes;
    }

    private RangeRevision create(NewRange range, LocalDate effectiveFrom, String author, String reason) {
        UUID id = store.createIdentity(range.analyteCode(), range.sourceCode(), range.category()).id;
        RangeRevision created =
                store.append(id, 1, ChangeAction.CREATE, range.content(), effectiveFrom, author, reason);
        audit.record(author, "RANGE_CREATE", "RANGE", id + "#1", reason, "effective from " + effectiveFrom);
        return created;
    }

    private RangeRevision revise(
            RangeRevision current, RangeContent change, LocalDate effectiveFrom, String author, String reason) {
        RangeRevision revised = store.append(
                current.rangeId(), current.revision() + 1, ChangeAction.REVISE, change, effectiveFrom, author, reason);
        audit.record(
                author,
                "RANGE_REVISE",
                "RANGE",
                current.rangeId() + "#" + revised.revision(),
                reason,
                "effective from " + effectiveFrom);
        return revised;
    }

    private List<FieldError> checkNew(NewRange range, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (range.analyteCode() == null || !catalog.analyteExists(range.analyteCode())) {
            errors.add(new FieldError(prefix + "analyteCode", "unknown analyte '" + range.analyteCode() + "'"));
        }
        if (range.sourceCode() == null
                || SourceEntity.findByIdOptional(range.sourceCode()).isEmpty()) {
            errors.add(new FieldError(prefix + "sourceCode", "unknown source '" + range.sourceCode() + "'"));
        }
        if (range.category() == null) {
            errors.add(new FieldError(prefix + "category", "is required (REFERENCE, OPTIMAL, CRITICAL or ABSOLUTE)"));
        }
        if (range.content() == null) {
            errors.add(new FieldError(prefix + "low", "bounds are required"));
            return errors;
        }
        errors.addAll(range.content().validate(prefix));
        if (range.analyteCode() != null && catalog.analyteExists(range.analyteCode())) {
            errors.addAll(checkUnit(range.content().unit(), range.analyteCode(), prefix + "unit"));
        }
        return errors;
    }

    private List<FieldError> checkUnit(String unit, String analyteCode, String field) {
        if (unit == null || unit.isBlank()) {
            return List.of();
        }
        Object dimension = em.createNativeQuery("SELECT dimension FROM unit WHERE code = :code")
                .setParameter("code", unit)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (dimension == null) {
            return List.of(
                    new FieldError(field, "unknown unit '" + unit + "'; use a UCUM code such as mg/L, ug/L or nmol/L"));
        }
        AnalyteEntity analyte = catalog.analyte(analyteCode);
        if ("SUBSTANCE_CONCENTRATION".equals(dimension) && analyte.molarMassGramsPerMole == null) {
            return List.of(new FieldError(
                    field,
                    "'" + unit + "' is a molar unit but analyte " + analyteCode + " has no molar mass to convert it"));
        }
        return List.of();
    }

    private static List<FieldError> checkWrite(LocalDate effectiveFrom, String reason, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (effectiveFrom == null) {
            errors.add(new FieldError(prefix + "effectiveFrom", "is required (the date the range takes effect)"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(prefix + "reason", "is required: say why the range changes"));
        } else if (reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            errors.add(new FieldError(prefix + "reason", "must not contain control characters"));
        }
        return errors;
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

    private static DomainException.NotFound notFound(UUID rangeId) {
        return new DomainException.NotFound("No range with id " + rangeId);
    }
}
