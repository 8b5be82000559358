package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeContentTest {

    private static RangeContent content(String low, boolean lowInclusive, String high, boolean highInclusive) {
        return new RangeContent(
                Optional.ofNullable(low).map(BigDecimal::new),
                lowInclusive,
                Optional.ofNullable(high).map(BigDecimal::new),
                highInclusive,
                "mg/L",
                Population.everyone(),
                Optional.empty());
    }

    @ParameterizedTest(name = "[{0}, {2}] incl {1}/{3} -> valid {4}")
    @CsvSource({
        "0.6, true, 2.4, true, true",
        ", true, 2.51, true, true",
        "0.6, true, , true, true",
        ", true, , true, false",
        "3, true, 2, true, false",
        "2, true, 2, true, true",
        "2, false, 2, true, false",
    })
    void boundsMustBeOrderedAndAtLeastOnePresent(String low, boolean li, String high, boolean hi, boolean valid) {
        assertEquals(valid, content(low, li, high, hi).validate("").isEmpty());
    }

    @Test
    void sameBoundsWrittenDifferentlyAreTheSame() {
        assertTrue(content("0.60", true, "2.4", true).sameAs(content("0.6", true, "2.40", true)));
        assertFalse(content("0.6", true, "2.4", true).sameAs(content("0.6", true, "2.4", false)));
    }

    @Test
    void diffNamesOnlyTheFieldsThatChanged() {
        RangeRevision a = revision(1, content("0.6", true, "2.4", true), "first");
        RangeRevision b = revision(2, content("0.6", true, "2.34", true), "first");
        var changes = RangeDiff.between(a, b);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(new RangeDiff.FieldChange("high", "2.4", "2.34"), changes.get(0));
    }

    private static RangeRevision revision(int n, RangeContent content, String reason) {
        return new RangeRevision(
                UUID.randomUUID(),
                n,
                n,
                "1952-1",
                "labcorp",
                Category.REFERENCE,
                ChangeAction.REVISE,
                RangeStatus.ACTIVE,
                content,
                LocalDate.of(2025, 1, 1),
                Optional.empty(),
                Instant.EPOCH,
                "alice",
                reason);
    }
}
