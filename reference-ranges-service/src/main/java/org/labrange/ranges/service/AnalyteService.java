package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteDiff;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.AnalyteRules;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeDiff;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.persistence.AnalyteStore;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.RangeStore;

/**
 * Analytes as administered data: every write appends an immutable revision with its author and reason, takes its
 * place in the change sequence shared with ranges, and lands in the audit trail. Nothing is written when a rule
 * is broken.
 */
@ApplicationScoped
public class AnalyteService {

    @Inject
    AnalyteStore store;

    @Inject
    RangeStore ranges;

    @Inject
    AuditLog audit;

    // ---- reads -------------------------------------------------------------------------------

    @Transactional
    public AnalyteRevision current(String code) {
        return store.current(code).orElseThrow(() -> notFound(code));
    }

    @Transactional
    public List<AnalyteRevision> history(String code) {
        List<AnalyteRevision> history = store.history(code);
        if (history.isEmpty()) {
            throw notFound(code);
        }
        return history;
    }

    @Transactional
    public AnalyteRevision revision(String code, int revision) {
        return store.revision(code, revision)
                .orElseThrow(() -> new DomainException.NotFound("Analyte " + code + " has no revision " + revision));
    }

    @Transactional
    public List<RangeDiff.FieldChange> diff(String code, int from, int to) {
        return AnalyteDiff.between(revision(code, from), revision(code, to));
    }

    // ---- writes ------------------------------------------------------------------------------

    @Transactional
    public AnalyteRevision create(Analyte draft, String author, String reason) {
        Analyte analyte = AnalyteRules.normalised(draft);
        List<FieldError> errors = new ArrayList<>(AnalyteRules.check(analyte));
        errors.addAll(RangeWriter.checkReason(reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        ranges.lockWriters();
        if (store.exists(analyte.code())) {
            throw new DomainException.Conflict("An analyte with code '" + analyte.code()
                    + "' already exists (codes are never reused, retired analytes included)");
        }
        throwIfAny(problemsWithOthers(analyte, ""));
        return appendFirst(analyte, author, reason);
    }

    /** Writes revision 1 of a checked analyte with its audit entry; the caller holds the writer lock. */
    AnalyteRevision appendFirst(Analyte analyte, String author, String reason) {
        store.createIdentity(analyte.code());
        AnalyteRevision created = store.append(analyte, 1, ChangeAction.CREATE, author, reason);
        audit.record(author, "ANALYTE_CREATE", "ANALYTE", analyte.code() + "#1", reason, describe(analyte));
        return created;
    }

    @Transactional
    public AnalyteRevision revise(
            String code, Optional<Integer> expectedRevision, Analyte draft, String author, String reason) {
        current(code);
        if (draft.code() != null && !draft.code().equals(code)) {
            throw new DomainException.Invalid(
                    "code", "an analyte's code never changes (this is " + code + "); create a new analyte instead");
        }
        int expected = expectedRevision.orElseThrow(() -> new DomainException.RevisionRequired(
                "Send If-Match with the revision you edited (the ETag of GET /api/v1/analytes/" + code + ")"));
        Analyte analyte = AnalyteRules.normalised(withCode(draft, code));
        List<FieldError> errors = new ArrayList<>(AnalyteRules.check(analyte));
        errors.addAll(RangeWriter.checkReason(reason, ""));
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        ranges.lockWriters();
        AnalyteRevision current = current(code);
        if (current.revision() != expected) {
            throw new DomainException.StaleAnalyteRevision(expected, current);
        }
        if (current.status() == RangeStatus.RETIRED) {
            throw new DomainException.Conflict("Analyte " + code + " is retired (revision " + current.revision()
                    + "); a retired analyte is not revised");
        }
        List<FieldError> conflicts = problemsWithOthers(analyte, "");
        conflicts.addAll(problemsWithLiveRanges(analyte, ""));
        throwIfAny(conflicts);
        return appendRevision(current, analyte, author, reason);
    }

    /** Appends a checked revision to an active analyte with its audit entry; the caller holds the writer lock. */
    AnalyteRevision appendRevision(AnalyteRevision current, Analyte analyte, String author, String reason) {
        AnalyteRevision revised = store.append(analyte, current.revision() + 1, ChangeAction.REVISE, author, reason);
        audit.record(
                author,
                "ANALYTE_REVISE",
                "ANALYTE",
                analyte.code() + "#" + revised.revision(),
                reason,
                describe(current.analyte()) + " -> " + describe(analyte));
        return revised;
    }

    /**
     * Retires an analyte: a RETIRED revision, after which it takes no new ranges and no revisions. Refused while
     * any of its ranges is live (its latest revision active): those would otherwise apply to an analyte that no
     * longer exists.
     */
    @Transactional
    public AnalyteRevision retire(String code, Optional<Integer> expectedRevision, String author, String reason) {
        current(code);
        int expected = expectedRevision.orElseThrow(
                () -> new DomainException.RevisionRequired("Send If-Match with the revision you are retiring"));
        List<FieldError> errors = RangeWriter.checkReason(reason, "");
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        ranges.lockWriters();
        AnalyteRevision current = current(code);
        if (current.revision() != expected) {
            throw new DomainException.StaleAnalyteRevision(expected, current);
        }
        if (current.status() == RangeStatus.RETIRED) {
            throw new DomainException.Conflict(
                    "Analyte " + code + " is already retired (revision " + current.revision() + ")");
        }
        List<UUID> live = store.liveRanges(code);
        if (!live.isEmpty()) {
            throw new DomainException.AnalyteInUse(
                    code, live.stream().map(UUID::toString).toList());
        }
        AnalyteRevision retired =
                store.append(current.analyte(), current.revision() + 1, ChangeAction.RETIRE, author, reason);
        audit.record(author, "ANALYTE_RETIRE", "ANALYTE", code + "#" + retired.revision(), reason, "retired");
        return retired;
    }

    /**
     * LOINC codes are unique among analytes in use, and an alias is shared only across specimens. Field names start
     * with {@code prefix}.
     */
    List<FieldError> problemsWithOthers(Analyte analyte, String prefix) {
        List<Analyte> others = store.current().stream()
                .filter(r -> r.status() == RangeStatus.ACTIVE)
                .map(AnalyteRevision::analyte)
                .filter(a -> !a.code().equals(analyte.code()))
                .toList();
        List<FieldError> errors = new ArrayList<>();
        analyte.loinc()
                .ifPresent(loinc -> others.stream()
                        .filter(o -> o.loinc().equals(Optional.of(loinc)))
                        .findFirst()
                        .ifPresent(o -> errors.add(new FieldError(
                                prefix + "loinc", "LOINC " + loinc + " is already the code of analyte " + o.code()))));
        AnalyteRules.aliasCollisions(analyte, others)
                .forEach(e -> errors.add(new FieldError(prefix + e.field(), e.reason())));
        return errors;
    }

    /** A new canonical unit or molar mass must still convert the units of the analyte's live ranges. */
    List<FieldError> problemsWithLiveRanges(Analyte analyte, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (UUID id : store.liveRanges(analyte.code())) {
            Optional<RangeRevision> range = ranges.latest(id);
            range.flatMap(r -> AnalyteRules.rangeUnitProblem(r.content().unit(), analyte))
                    .ifPresent(problem ->
                            errors.add(new FieldError(prefix + "unit", "live range " + id + ": " + problem)));
        }
        return errors;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
    }

    private static Analyte withCode(Analyte a, String code) {
        return new Analyte(
                code,
                a.loinc(),
                a.displayName(),
                a.aliases(),
                a.specimen(),
                a.unit(),
                a.molarMassGramsPerMole(),
                a.displayPrecision(),
                a.analyticalCvPercent(),
                a.withinSubjectCvPercent(),
                a.cvCitation());
    }

    static String describe(Analyte a) {
        return "loinc=" + a.loinc().orElse(null) + "; displayName=" + a.displayName() + "; specimen=" + a.specimen()
                + "; unit=" + a.unit() + "; molarMass="
                + a.molarMassGramsPerMole().orElse(null) + "; aliases="
                + a.aliases();
    }

    private static DomainException.NotFound notFound(String code) {
        return new DomainException.NotFound("No analyte with code '" + code + "'");
    }
}
