package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.AnalyteRules;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.persistence.AnalyteStore;
import org.labrange.ranges.persistence.AuditLog;
import org.labrange.ranges.persistence.CatalogStore;
import org.labrange.ranges.persistence.RangeStore;

/**
 * The checks and appends that every range write shares (single writes and imports): what a new range or a
 * change must satisfy, and appending a revision together with its audit entry. Callers own the transaction.
 */
@ApplicationScoped
class RangeWriter {

    @Inject
    RangeStore store;

    @Inject
    CatalogStore catalog;

    @Inject
    AnalyteStore analytes;

    @Inject
    AuditLog audit;

    RangeRevision create(NewRange range, LocalDate effectiveFrom, String author, String reason) {
        UUID id = store.createIdentity(range.analyteCode(), range.sourceCode(), range.category());
        RangeRevision created =
                store.append(id, 1, ChangeAction.CREATE, range.content(), effectiveFrom, author, reason);
        audit.record(author, "RANGE_CREATE", "RANGE", id + "#1", reason, "effective from " + effectiveFrom);
        return created;
    }

    RangeRevision revise(
            RangeRevision current, RangeContent change, LocalDate effectiveFrom, String author, String reason) {
        return append(current, ChangeAction.REVISE, change, effectiveFrom, author, reason, "RANGE_REVISE");
    }

    RangeRevision retire(RangeRevision current, LocalDate effectiveFrom, String author, String reason) {
        return append(current, ChangeAction.RETIRE, current.content(), effectiveFrom, author, reason, "RANGE_RETIRE");
    }

    private RangeRevision append(
            RangeRevision current,
            ChangeAction action,
            RangeContent content,
            LocalDate effectiveFrom,
            String author,
            String reason,
            String auditAction) {
        RangeRevision appended =
                store.append(current.rangeId(), current.revision() + 1, action, content, effectiveFrom, author, reason);
        audit.record(
                author,
                auditAction,
                "RANGE",
                current.rangeId() + "#" + appended.revision(),
                reason,
                "effective from " + effectiveFrom);
        return appended;
    }

    /** What is wrong with a new range; field names start with {@code prefix}. */
    List<FieldError> checkNew(NewRange range, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Optional<AnalyteRevision> known =
                Optional.ofNullable(range.analyteCode()).flatMap(analytes::current);
        if (known.isEmpty()) {
            errors.add(new FieldError(prefix + "analyteCode", "unknown analyte '" + range.analyteCode() + "'"));
        } else if (known.get().status() == RangeStatus.RETIRED) {
            errors.add(new FieldError(
                    prefix + "analyteCode",
                    "analyte '" + range.analyteCode() + "' is retired and takes no new ranges"));
        }
        Optional<Analyte> analyte = known.map(AnalyteRevision::analyte);
        if (range.sourceCode() == null || catalog.source(range.sourceCode()).isEmpty()) {
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
        analyte.ifPresent(a -> errors.addAll(checkUnit(range.content().unit(), a, prefix + "unit")));
        return errors;
    }

    /**
     * Whether {@code unit} is a UCUM code that converts to the canonical unit of the analyte's current revision
     * (through its molar mass where needed). A spelling UCUM does not accept (mcg/L) is refused with the UCUM
     * code to send instead: stored units are always UCUM as written.
     */
    List<FieldError> checkUnit(String unit, Analyte analyte, String field) {
        if (unit == null || unit.isBlank()) {
            return List.of();
        }
        String ucum = AnalyteRules.rangeUnit(unit);
        if (!ucum.equals(unit) && AnalyteRules.rangeUnitProblem(ucum, analyte).isEmpty()) {
            return List.of(new FieldError(field, "'" + unit + "' is not a UCUM code; send '" + ucum + "'"));
        }
        return AnalyteRules.rangeUnitProblem(unit, analyte)
                .map(problem -> List.of(new FieldError(field, problem)))
                .orElse(List.of());
    }

    /** The reason every analyte write needs. */
    static List<FieldError> checkReason(String reason, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(prefix + "reason", "is required: say why the analyte changes"));
        } else if (reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            errors.add(new FieldError(prefix + "reason", "must not contain control characters"));
        }
        return errors;
    }

    /** The write metadata every change needs: the date it takes effect and a reason. */
    static List<FieldError> checkWrite(LocalDate effectiveFrom, String reason, String prefix) {
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
}
