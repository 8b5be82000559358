package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The fields that differ between two revisions of one analyte (same shape as a range diff). */
public final class AnalyteDiff {

    private AnalyteDiff() {}

    public static List<RangeDiff.FieldChange> between(AnalyteRevision from, AnalyteRevision to) {
        List<RangeDiff.FieldChange> changes = new ArrayList<>();
        compare(changes, "status", from.status(), to.status());
        changes.addAll(ofDefinition(from.analyte(), to.analyte()));
        compare(changes, "reason", from.reason(), to.reason());
        compare(changes, "recordedBy", from.recordedBy(), to.recordedBy());
        return changes;
    }

    /**
     * The fields of the definitions themselves that differ (not status, author or reason): empty when a write of
     * {@code b} over {@code a} would change nothing. Numbers compare by value, so 11800 equals 11800.0.
     */
    public static List<RangeDiff.FieldChange> ofDefinition(Analyte a, Analyte b) {
        List<RangeDiff.FieldChange> changes = new ArrayList<>();
        compare(changes, "loinc", a.loinc().orElse(null), b.loinc().orElse(null));
        compare(changes, "displayName", a.displayName(), b.displayName());
        compare(changes, "aliases", a.aliases(), b.aliases());
        compare(changes, "specimen", a.specimen(), b.specimen());
        compare(changes, "unit", a.unit(), b.unit());
        compare(changes, "molarMassGramsPerMole", number(a.molarMassGramsPerMole()), number(b.molarMassGramsPerMole()));
        compare(
                changes,
                "displayPrecision",
                a.displayPrecision().orElse(null),
                b.displayPrecision().orElse(null));
        compare(changes, "analyticalCvPercent", number(a.analyticalCvPercent()), number(b.analyticalCvPercent()));
        compare(
                changes,
                "withinSubjectCvPercent",
                number(a.withinSubjectCvPercent()),
                number(b.withinSubjectCvPercent()));
        compare(
                changes,
                "cvCitation",
                a.cvCitation().orElse(null),
                b.cvCitation().orElse(null));
        return changes;
    }

    private static String number(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }

    private static void compare(List<RangeDiff.FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new RangeDiff.FieldChange(
                    field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }
}
