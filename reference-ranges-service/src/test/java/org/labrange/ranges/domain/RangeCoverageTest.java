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

/** Gaps and overlaps between age and sex bands, as a lab checks them before a catalogue goes live. */
class RangeCoverageTest {

    private static int next = 1;

    private static RangeRevision range(String source, Sex sex, Integer ageMin, Integer ageMax, AgeUnit unit) {
        return range(
                source,
                new Population(
                        sex,
                        Optional.ofNullable(ageMin),
                        Optional.ofNullable(ageMax),
                        unit,
                        Optional.empty(),
                        Optional.empty()));
    }

    private static RangeRevision range(String source, Population population) {
        return new RangeRevision(
                new UUID(0, next++),
                1,
                next,
                "TEST",
                source,
                Category.REFERENCE,
                ChangeAction.CREATE,
                RangeStatus.ACTIVE,
                new RangeContent(
                        Optional.of(BigDecimal.ONE),
                        true,
                        Optional.of(BigDecimal.TEN),
                        true,
                        "mg/L",
                        population,
                        Optional.empty()),
                LocalDate.parse("2024-01-01"),
                Optional.empty(),
                Instant.parse("2024-01-01T00:00:00Z"),
                "test",
                "test data");
    }

    @Test
    void anAdultOnlyRangeLeavesChildrenOfBothSexesUncovered() {
        List<RangeCoverage.Group> groups = RangeCoverage.of(List.of(range("lab", Sex.ANY, 18, null, AgeUnit.YEARS)));
        assertEquals(1, groups.size());
        List<RangeCoverage.Gap> gaps = groups.get(0).gaps();
        assertEquals(2, gaps.size());
        assertEquals(Sex.FEMALE, gaps.get(0).sex());
        assertEquals(Optional.of(0), gaps.get(0).from().value());
        assertEquals(Optional.of(18), gaps.get(0).to().value());
        assertEquals(AgeUnit.YEARS, gaps.get(0).to().unit());
        assertEquals(Sex.MALE, gaps.get(1).sex());
        assertTrue(groups.get(0).overlaps().isEmpty());
    }

    @Test
    void bandsThatMeetLeaveNoGapEvenInDifferentUnits() {
        List<RangeCoverage.Group> groups = RangeCoverage.of(List.of(
                range("lab", Sex.ANY, null, 12, AgeUnit.MONTHS),
                range("lab", Sex.ANY, 1, 18, AgeUnit.YEARS),
                range("lab", Sex.ANY, 18, null, AgeUnit.YEARS)));
        assertTrue(groups.get(0).gaps().isEmpty(), groups.toString());
        assertTrue(groups.get(0).overlaps().isEmpty(), groups.toString());
    }

    @Test
    void aMissingSexIsAGapOfThatSexOnly() {
        List<RangeCoverage.Gap> gaps = RangeCoverage.of(List.of(range("lab", Sex.FEMALE, null, null, AgeUnit.YEARS)))
                .get(0)
                .gaps();
        assertEquals(1, gaps.size());
        assertEquals(Sex.MALE, gaps.get(0).sex());
        assertTrue(gaps.get(0).to().value().isEmpty(), "the gap has no upper age");
    }

    @Test
    void overlapsAreNamedAndAmbiguousOnlyWhenSexDoesNotDecide() {
        RangeRevision any = range("lab", Sex.ANY, 18, null, AgeUnit.YEARS);
        RangeRevision women = range("lab", Sex.FEMALE, 18, null, AgeUnit.YEARS);
        RangeRevision older = range("lab", Sex.ANY, 60, null, AgeUnit.YEARS);
        RangeCoverage.Group group = RangeCoverage.of(List.of(any, women, older)).get(0);
        // women 18-60: any + women, sex decides; women 60+: three ranges, one sex-specific, sex decides
        // men 60+: any + older, both ANY, only the tie-breaks decide
        List<RangeCoverage.Overlap> men =
                group.overlaps().stream().filter(o -> o.sex() == Sex.MALE).toList();
        assertEquals(1, men.size());
        assertTrue(men.get(0).ambiguous());
        assertEquals(Optional.of(60), men.get(0).from().value());
        assertEquals(List.of(any.rangeId(), older.rangeId()), men.get(0).rangeIds());
        assertTrue(group.overlaps().stream()
                .filter(o -> o.sex() == Sex.FEMALE)
                .noneMatch(RangeCoverage.Overlap::ambiguous));
    }

    @Test
    void conditionalRangesAreListedApartAndSourcesAreCheckedSeparately() {
        RangeRevision pregnancy = range(
                "lab",
                new Population(
                        Sex.FEMALE,
                        Optional.empty(),
                        Optional.empty(),
                        AgeUnit.YEARS,
                        Optional.of("pregnancy"),
                        Optional.empty()));
        List<RangeCoverage.Group> groups = RangeCoverage.of(List.of(
                range("lab", Sex.ANY, null, null, AgeUnit.YEARS),
                pregnancy,
                range("other", Sex.ANY, 18, null, AgeUnit.YEARS)));
        assertEquals(2, groups.size());
        assertEquals("lab", groups.get(0).sourceCode());
        assertEquals(List.of(pregnancy.rangeId()), groups.get(0).conditional());
        assertTrue(groups.get(0).overlaps().isEmpty(), "a conditional range is not an overlap");
        assertTrue(groups.get(0).gaps().isEmpty());
        assertFalse(groups.get(1).gaps().isEmpty());
    }
}
