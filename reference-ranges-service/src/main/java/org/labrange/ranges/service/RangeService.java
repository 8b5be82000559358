package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.Patient;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeCoverage;
import org.labrange.ranges.domain.RangeDiff;
import org.labrange.ranges.domain.RangeFilter;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.persistence.AnalyteStore;
import org.labrange.ranges.persistence.CatalogStore;
import org.labrange.ranges.persistence.RangeStore;

/** Reads and writes of versioned ranges. Every write appends a revision; nothing is changed in place. */
@ApplicationScoped
public class RangeService {

    /** The ranges that answer a query, plus the change sequence they reflect. */
    public record RangesInEffect(long changeSequence, List<RangeRevision> ranges) {}

    /**
     * The ranges of an analyte as known at a moment, plus the change they reflect.
     *
     * @param knownAt the moment asked for; empty for "now"
     * @param changeSequence the position of the latest change recorded by then (0 when there was none)
     * @param changeRecordedAt when that change was recorded; empty when there was none
     */
    public record Timeline(
            AnalyteRevision analyte,
            Optional<Instant> knownAt,
            long changeSequence,
            Optional<Instant> changeRecordedAt,
            List<RangeRevision> revisions) {}

    /** Range and analyte revisions recorded after a sequence (each list in sequence order), plus the latest sequence. */
    public record ChangeFeed(long latestSequence, List<RangeRevision> changes, List<AnalyteRevision> analyteChanges) {}

    /**
     * A revision of an existing range: new content, plus the identity fields the caller may repeat (if present,
     * they must be the range's own; a range's analyte, source and category never change).
     */
    public record RangeEdit(
            Optional<String> analyteCode,
            Optional<String> sourceCode,
            Optional<Category> category,
            RangeContent content) {}

    @Inject
    RangeStore store;

    @Inject
    CatalogStore catalog;

    @Inject
    RangeWriter writer;

    @Inject
    AnalyteStore analytes;

    // ---- reads -------------------------------------------------------------------------------

    /**
     * The ranges in effect on {@code on} as known at {@code knownAt} that apply to {@code patient} (see
     * {@link org.labrange.ranges.domain.Population#appliesTo}).
     */
    @Transactional
    public RangesInEffect rangesInEffect(
            RangeFilter filter, Patient patient, LocalDate on, Instant knownAt, boolean includeRetired) {
        patient.requireBornBy(on);
        long sequence = store.latestSequence();
        List<RangeRevision> ranges = store.inEffect(filter, on, knownAt).stream()
                .filter(r -> includeRetired || r.status() == RangeStatus.ACTIVE)
                .filter(r -> r.content().population().appliesTo(patient, on))
                .toList();
        return new RangesInEffect(sequence, ranges);
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

    /**
     * The revisions of a range recorded at or before {@code knownAt}, with valid periods as known then; empty when
     * the range exists now but had not been recorded yet.
     */
    @Transactional
    public List<RangeRevision> historyKnownAt(UUID rangeId, Instant knownAt) {
        if (store.latest(rangeId).isEmpty()) {
            throw notFound(rangeId);
        }
        return store.historyAt(rangeId, knownAt);
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

    /**
     * The analyte's ranges as known at {@code knownAt} (empty: now). Without a moment, the latest change is read
     * first and the revisions recorded up to it are returned, so the sequence and the revisions always agree even
     * when a writer commits in between (writers serialise, so a later revision is also recorded later).
     */
    @Transactional
    public Timeline timeline(String analyteCode, Optional<Instant> knownAt) {
        Optional<RangeStore.Change> latest =
                knownAt.isPresent() ? store.latestChangeAt(knownAt.get()) : store.latestChange();
        // the analyte as known at the same moment as its ranges: a later change of its unit or molar mass never
        // changes how a past answer is reproduced
        Optional<AnalyteRevision> known = knownAt.isPresent()
                ? analytes.knownAt(analyteCode, knownAt.get())
                : latest.flatMap(c -> analytes.knownAt(analyteCode, c.recordedAt()));
        AnalyteRevision analyte = known.or(() -> analytes.current(analyteCode))
                .orElseThrow(() -> new DomainException.NotFound("No analyte with code '" + analyteCode + "'"));
        List<RangeRevision> revisions = latest.map(c -> store.timelineAt(analyteCode, knownAt.orElse(c.recordedAt())))
                .orElse(List.of());
        return new Timeline(
                analyte,
                knownAt,
                latest.map(RangeStore.Change::sequence).orElse(0L),
                latest.map(RangeStore.Change::recordedAt),
                revisions);
    }

    /** The coverage of an analyte's ranges in effect on {@code on} as known at {@code knownAt}. */
    public record Coverage(String analyteCode, LocalDate on, Instant knownAt, List<RangeCoverage.Group> groups) {}

    /**
     * Gaps and overlaps between the age and sex bands of the analyte's active ranges in effect on {@code on} as
     * known at {@code knownAt}, per source and category (see {@link RangeCoverage}).
     */
    @Transactional
    public Coverage coverage(String analyteCode, LocalDate on, Instant knownAt) {
        analytes.current(analyteCode)
                .orElseThrow(() -> new DomainException.NotFound("No analyte with code '" + analyteCode + "'"));
        RangeFilter filter =
                new RangeFilter(Optional.of(analyteCode), Optional.empty(), Optional.empty(), Optional.empty());
        return new Coverage(analyteCode, on, knownAt, RangeCoverage.of(store.inEffect(filter, on, knownAt)));
    }

    /** The latest change sequence (0 when no range was ever recorded) and when it was recorded. */
    public record LatestChange(long sequence, Optional<Instant> recordedAt) {}

    @Transactional
    public LatestChange latestChange() {
        Optional<RangeStore.Change> latest = store.latestChange();
        return new LatestChange(
                latest.map(RangeStore.Change::sequence).orElse(0L), latest.map(RangeStore.Change::recordedAt));
    }

    @Transactional
    public long latestSequence() {
        return store.latestSequence();
    }

    @Transactional
    public ChangeFeed changesSince(long since, int limit) {
        long latest = store.latestSequence();
        List<RangeRevision> rangeChanges = store.changesSince(since, limit);
        List<AnalyteRevision> analyteChanges = analytes.changesSince(since, limit);
        // one page holds at most `limit` entries of both kinds together, the lowest sequences first
        long cut = java.util.stream.Stream.concat(
                        rangeChanges.stream().map(RangeRevision::sequence),
                        analyteChanges.stream().map(AnalyteRevision::sequence))
                .sorted()
                .skip(limit - 1L)
                .findFirst()
                .orElse(Long.MAX_VALUE);
        return new ChangeFeed(
                latest,
                rangeChanges.stream().filter(r -> r.sequence() <= cut).toList(),
                analyteChanges.stream().filter(a -> a.sequence() <= cut).toList());
    }

    // ---- writes ------------------------------------------------------------------------------

    @Transactional
    public RangeRevision createRange(NewRange range, LocalDate effectiveFrom, String author, String reason) {
        List<FieldError> errors = new ArrayList<>(writer.checkNew(range, ""));
        errors.addAll(RangeWriter.checkWrite(effectiveFrom, reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        store.lockWriters();
        return writer.create(range, effectiveFrom, author, reason);
    }

    @Transactional
    public RangeRevision reviseRange(
            UUID rangeId,
            Optional<Integer> expectedRevision,
            RangeEdit edit,
            LocalDate effectiveFrom,
            String author,
            String reason) {
        RangeRevision unlocked = currentRevision(rangeId);
        List<FieldError> identity = identityChanges(unlocked, edit);
        if (!identity.isEmpty()) {
            throw new DomainException.Invalid(identity);
        }
        int expected = expectedRevision.orElseThrow(() -> new DomainException.RevisionRequired(
                "Send If-Match with the revision you edited (the ETag of GET /api/v1/ranges/" + rangeId + ")"));
        RangeContent change = edit.content();
        AnalyteRevision known = analytes.current(unlocked.analyteCode()).orElseThrow();
        if (known.status() == RangeStatus.RETIRED) {
            throw new DomainException.Invalid(
                    "analyteCode", "analyte '" + known.code() + "' is retired and takes no range revisions");
        }
        Analyte analyte = known.analyte();
        List<FieldError> errors = new ArrayList<>(change.validate(""));
        errors.addAll(writer.checkUnit(change.unit(), analyte, "unit"));
        errors.addAll(RangeWriter.checkWrite(effectiveFrom, reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        store.lockWriters();
        RangeRevision current = currentRevision(rangeId);
        if (current.revision() != expected) {
            throw new DomainException.StaleRevision(expected, current);
        }
        return writer.revise(current, change, effectiveFrom, author, reason);
    }

    @Transactional
    public RangeRevision retireRange(
            UUID rangeId, Optional<Integer> expectedRevision, LocalDate effectiveFrom, String author, String reason) {
        int expected = expectedRevision.orElseThrow(
                () -> new DomainException.RevisionRequired("Send If-Match with the revision you are retiring"));
        List<FieldError> errors = RangeWriter.checkWrite(effectiveFrom, reason, "");
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
        return writer.retire(current, effectiveFrom, author, reason);
    }

    private static List<FieldError> identityChanges(RangeRevision current, RangeEdit edit) {
        List<FieldError> errors = new ArrayList<>();
        if (edit.analyteCode().filter(a -> !a.equals(current.analyteCode())).isPresent()) {
            errors.add(new FieldError("analyteCode", "cannot change; create a new range instead"));
        }
        if (edit.sourceCode().filter(s -> !s.equals(current.sourceCode())).isPresent()) {
            errors.add(new FieldError("sourceCode", "cannot change; create a new range instead"));
        }
        if (edit.category().filter(c -> c != current.category()).isPresent()) {
            errors.add(new FieldError("category", "cannot change; create a new range instead"));
        }
        return errors;
    }

    private static DomainException.NotFound notFound(UUID rangeId) {
        return new DomainException.NotFound("No range with id " + rangeId);
    }
}
