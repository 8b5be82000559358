package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    @ParameterizedTest(name = "bound {0} -> error {1}")
    @CsvSource({
        "-0.001, must not be negative (a concentration)",
        "1000000000, must be below 1000000000",
        "0.0000000000001, has more than 12 decimal places",
    })
    void implausibleBoundsAreNamedWithTheirReason(String bound, String reason) {
        var lowErrors = content(bound, true, null, true).validate("r.");
        assertEquals(List.of(new FieldError("r.low", reason)), lowErrors);
        var highErrors = content(null, true, bound, true).validate("r.");
        assertEquals(List.of(new FieldError("r.high", reason)), highErrors);
    }

    @ParameterizedTest(name = "bound {0} is plausible")
    @CsvSource({"0", "999999999.999999999999", "0.000000000001", "1.500000000000000"})
    void boundsAtTheEdgesOfPlausibleAreAccepted(String bound) {
        assertTrue(content(bound, true, null, true).validate("").isEmpty());
    }

    @Test
    void equalBoundsNeedBothInclusiveAndTheErrorNamesLow() {
        assertEquals(
                List.of(new FieldError("x.low", "equals high, so both bounds must be inclusive")),
                content("2", true, "2", false).validate("x."));
        assertEquals(
                List.of(new FieldError("x.low", "must not be greater than high")),
                content("2.01", true, "2", true).validate("x."));
        assertEquals(
                List.of(new FieldError("x.low", "a range needs a low bound, a high bound or both")),
                content(null, true, null, true).validate("x."));
    }

    @Test
    void unitAndPopulationAreRequired() {
        RangeContent noUnit = new RangeContent(
                Optional.of(BigDecimal.ONE), true, Optional.empty(), true, " ", Population.everyone(), null);
        assertEquals(List.of(new FieldError("unit", "is required (a UCUM code such as mg/L)")), noUnit.validate(""));
        RangeContent nullUnit = new RangeContent(
                Optional.of(BigDecimal.ONE), true, Optional.empty(), true, null, Population.everyone(), null);
        assertEquals("unit", nullUnit.validate("").get(0).field());
        RangeContent noPopulation =
                new RangeContent(Optional.of(BigDecimal.ONE), true, Optional.empty(), true, "mg/L", null, null);
        assertEquals(List.of(new FieldError("population", "is required")), noPopulation.validate(""));
        RangeContent badAges = new RangeContent(
                Optional.of(BigDecimal.ONE),
                true,
                Optional.empty(),
                true,
                "mg/L",
                new Population(Sex.ANY, Optional.of(-1), null, AgeUnit.YEARS, null, null),
                null);
        assertEquals("r.population.ageMin", badAges.validate("r.").get(0).field());
    }

    @Test
    void absentPartsAreEmptyAndNotesAreTrimmed() {
        RangeContent c = new RangeContent(null, true, null, false, "mg/L", Population.everyone(), Optional.of("  x "));
        assertTrue(c.low().isEmpty());
        assertTrue(c.high().isEmpty());
        assertEquals(Optional.of("x"), c.note());
        RangeContent blank =
                new RangeContent(null, true, null, false, "mg/L", Population.everyone(), Optional.of("   "));
        assertTrue(blank.note().isEmpty());
    }

    @Test
    void anyDifferenceInContentIsNotTheSame() {
        RangeContent base = content("0.6", true, "2.4", true);
        assertTrue(base.sameAs(base));
        assertFalse(base.sameAs(content("0.6", false, "2.4", true)));
        assertFalse(base.sameAs(content("0.7", true, "2.4", true)));
        assertFalse(base.sameAs(content("0.6", true, "2.5", true)));
        assertFalse(base.sameAs(content(null, true, "2.4", true)));
        assertFalse(base.sameAs(content("0.6", true, null, true)));
        assertFalse(content(null, true, "2.4", true).sameAs(base));
        assertFalse(base.sameAs(new RangeContent(
                base.low(), true, base.high(), true, "ug/L", Population.everyone(), Optional.empty())));
        assertFalse(base.sameAs(new RangeContent(
                base.low(),
                true,
                base.high(),
                true,
                "mg/L",
                new Population(Sex.MALE, null, null, AgeUnit.YEARS, null, null),
                Optional.empty())));
        assertFalse(base.sameAs(new RangeContent(
                base.low(), true, base.high(), true, "mg/L", Population.everyone(), Optional.of("note"))));
    }

    @Test
    void diffListsEveryChangedFieldInOrderWithAbsentValuesAsNull() {
        RangeRevision a = revision(1, content("0.6", true, "2.4", true), "first");
        RangeContent changed = new RangeContent(
                Optional.empty(),
                false,
                Optional.of(new BigDecimal("2.40")),
                false,
                "ug/L",
                new Population(
                        Sex.FEMALE, Optional.of(1), Optional.of(9), AgeUnit.DAYS, Optional.of("c"), Optional.of("m")),
                Optional.of("n"));
        RangeRevision b = new RangeRevision(
                a.rangeId(),
                2,
                2,
                "1952-1",
                "labcorp",
                Category.REFERENCE,
                ChangeAction.RETIRE,
                RangeStatus.RETIRED,
                changed,
                LocalDate.of(2026, 1, 1),
                Optional.empty(),
                Instant.EPOCH,
                "bob",
                "second");
        assertEquals(
                List.of(
                        new RangeDiff.FieldChange("status", "ACTIVE", "RETIRED"),
                        new RangeDiff.FieldChange("low", "0.6", null),
                        new RangeDiff.FieldChange("lowInclusive", "true", "false"),
                        new RangeDiff.FieldChange("highInclusive", "true", "false"),
                        new RangeDiff.FieldChange("unit", "mg/L", "ug/L"),
                        new RangeDiff.FieldChange("population.sex", "ANY", "FEMALE"),
                        new RangeDiff.FieldChange("population.ageMin", null, "1"),
                        new RangeDiff.FieldChange("population.ageMax", null, "9"),
                        new RangeDiff.FieldChange("population.ageUnit", "YEARS", "DAYS"),
                        new RangeDiff.FieldChange("population.condition", null, "c"),
                        new RangeDiff.FieldChange("population.method", null, "m"),
                        new RangeDiff.FieldChange("note", null, "n"),
                        new RangeDiff.FieldChange("effectiveFrom", "2025-01-01", "2026-01-01"),
                        new RangeDiff.FieldChange("reason", "first", "second"),
                        new RangeDiff.FieldChange("recordedBy", "alice", "bob")),
                RangeDiff.between(a, b));
        assertEquals(List.of(), RangeDiff.between(b, b));
    }

    @Test
    void problemsCarryTheirFieldsAndTheCurrentRevision() {
        DomainException.Invalid one = new DomainException.Invalid("low", "must be a number");
        assertEquals("low: must be a number", one.getMessage());
        DomainException.Invalid two =
                new DomainException.Invalid(List.of(new FieldError("a", "x"), new FieldError("b", "y")));
        assertEquals("2 fields are invalid", two.getMessage());
        assertEquals(2, two.errors().size());
        RangeRevision current = revision(3, content("1", true, "2", true), "r");
        DomainException.StaleRevision stale = new DomainException.StaleRevision(2, current);
        assertEquals(current, stale.current());
        assertTrue(stale.getMessage().contains("revision 2"), stale.getMessage());
        assertTrue(stale.getMessage().contains("If-Match: \"3\""), stale.getMessage());
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
