package org.labrange.ranges.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The fields that differ between two revisions of one range. */
public final class RangeDiff {

    /** One changed field, with the value before and after as display strings (null when absent). */
    public record FieldChange(String field, String from, String to) {}

    private RangeDiff() {}

    public static List<FieldChange> between(RangeRevision from, RangeRevision to) {
        List<FieldChange> changes = new ArrayList<>();
        RangeContent a = from.content();
        RangeContent b = to.content();
        compare(changes, "status", from.status(), to.status());
        compare(changes, "low", number(a.low()), number(b.low()));
        compare(changes, "lowInclusive", a.lowInclusive(), b.lowInclusive());
        compare(changes, "high", number(a.high()), number(b.high()));
        compare(changes, "highInclusive", a.highInclusive(), b.highInclusive());
        compare(changes, "unit", a.unit(), b.unit());
        compare(changes, "population.sex", a.population().sex(), b.population().sex());
        compare(
                changes,
                "population.ageMin",
                a.population().ageMin().orElse(null),
                b.population().ageMin().orElse(null));
        compare(
                changes,
                "population.ageMax",
                a.population().ageMax().orElse(null),
                b.population().ageMax().orElse(null));
        compare(
                changes,
                "population.ageUnit",
                a.population().ageUnit(),
                b.population().ageUnit());
        compare(
                changes,
                "population.condition",
                a.population().condition().orElse(null),
                b.population().condition().orElse(null));
        compare(
                changes,
                "population.method",
                a.population().method().orElse(null),
                b.population().method().orElse(null));
        compare(changes, "note", a.note().orElse(null), b.note().orElse(null));
        compare(changes, "effectiveFrom", from.effectiveFrom(), to.effectiveFrom());
        compare(changes, "reason", from.reason(), to.reason());
        compare(changes, "recordedBy", from.recordedBy(), to.recordedBy());
        return changes;
    }

    private static String number(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(
                    field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }
}
