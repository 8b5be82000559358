package org.labrange.ranges.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
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
        Optional<Analyte> analyte = Optional.ofNullable(range.analyteCode()).flatMap(catalog::analyte);
        if (analyte.isEmpty()) {
            errors.add(new FieldError(prefix + "analyteCode", "unknown analyte '" + range.analyteCode() + "'"));
        }
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

    /** Whether {@code unit} is known and, if molar, convertible for the analyte. */
    List<FieldError> checkUnit(String unit, Analyte analyte, String field) {
        if (unit == null || unit.isBlank()) {
            return List.of();
        }
        Optional<String> dimension = catalog.unitDimension(unit);
        if (dimension.isEmpty()) {
            return List.of(
                    new FieldError(field, "unknown unit '" + unit + "'; use a UCUM code such as mg/L, ug/L or nmol/L"));
        }
        if ("SUBSTANCE_CONCENTRATION".equals(dimension.get())
                && analyte.molarMassGramsPerMole().isEmpty()) {
            return List.of(new FieldError(
                    field,
                    "'" + unit + "' is a molar unit but analyte " + analyte.code()
                            + " has no molar mass to convert it"));
        }
        return List.of();
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
