package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labrange.interpretation.domain.Fixtures.range;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeSelectorTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    private static CanonicalRange canonical(RangeRevision r) {
        return new CanonicalRange(r, r.interval(), r.unit());
    }

    private static RangeSelector.Choice choose(
            List<RangeRevision> revisions, Optional<Sex> sex, Optional<PatientAge> age) {
        return RangeSelector.choose(
                revisions.stream().map(RangeSelectorTest::canonical).toList(),
                "lab",
                RangeCategory.REFERENCE,
                DAY,
                sex,
                age,
                Optional.empty());
    }

    private static Optional<PatientAge> years(int y) {
        return Optional.of(new PatientAge(y * 365L, y * 12L, y));
    }

    private static final RangeRevision ANY_WIDE = range(
            "a-any-wide",
            "X",
            "lab",
            RangeCategory.REFERENCE,
            Interval.closed(0.5, 3.0),
            "mg/L",
            Population.everyone());
    private static final RangeRevision ANY_NARROW = range(
            "b-any-narrow",
            "X",
            "lab",
            RangeCategory.REFERENCE,
            Interval.closed(0.8, 2.0),
            "mg/L",
            Population.everyone());
    private static final RangeRevision FEMALE = range(
            "c-female",
            "X",
            "lab",
            RangeCategory.REFERENCE,
            Interval.closed(0.6, 2.6),
            "mg/L",
            Fixtures.sex(Sex.FEMALE));
    private static final RangeRevision FEMALE_ADULT = range(
            "d-female-adult",
            "X",
            "lab",
            RangeCategory.REFERENCE,
            Interval.closed(0.7, 2.8),
            "mg/L",
            new Population(
                    Sex.FEMALE,
                    OptionalDouble.of(18),
                    OptionalDouble.empty(),
                    AgeUnit.YEARS,
                    Optional.empty(),
                    Optional.empty()));

    @Test
    void theMostSpecificPopulationWinsEvenWhenItIsWider() {
        RangeSelector.Choice c = choose(List.of(ANY_NARROW, FEMALE, FEMALE_ADULT), Optional.of(Sex.FEMALE), years(40));
        assertEquals("d-female-adult", c.range().orElseThrow().revision().rangeId());
        assertEquals("most specific population among 3 applicable ranges", c.rule());
    }

    @Test
    void amongEquallySpecificRangesTheNarrowerWins() {
        RangeSelector.Choice c = choose(List.of(ANY_WIDE, ANY_NARROW), Optional.empty(), Optional.empty());
        assertEquals("b-any-narrow", c.range().orElseThrow().revision().rangeId());
        assertEquals("narrowest of 2 equally specific ranges", c.rule());
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderRangesArriveIn() {
        RangeRevision twin = range(
                "a-twin",
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(0.8, 2.0),
                "mg/L",
                Population.everyone());
        RangeSelector.Choice one = choose(List.of(ANY_NARROW, twin), Optional.empty(), Optional.empty());
        RangeSelector.Choice other = choose(List.of(twin, ANY_NARROW), Optional.empty(), Optional.empty());
        assertEquals(one, other);
        assertEquals("a-twin", one.range().orElseThrow().revision().rangeId());
        assertEquals("lowest range id of 2 identical ranges", one.rule());
    }

    @Test
    void equallyWideRangesAreDecidedByTheStricterBounds() {
        RangeRevision shifted = range(
                "z-shifted",
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1.0, 2.2),
                "mg/L",
                Population.everyone());
        RangeSelector.Choice c = choose(List.of(ANY_NARROW, shifted), Optional.empty(), Optional.empty());
        assertEquals("z-shifted", c.range().orElseThrow().revision().rangeId());
        assertTrue(c.rule().startsWith("strictest bounds"));
    }

    @ParameterizedTest(name = "sex {0}, age {1}: {2}")
    @CsvSource({
        "FEMALE, 40, d-female-adult",
        "FEMALE, 10, c-female",
        "FEMALE, -1, c-female", // age unknown: the adult range cannot be confirmed
        "MALE, 40, a-any-wide",
        "'', 40, a-any-wide", // sex unknown: only ranges for any sex
        "'', -1, a-any-wide",
    })
    void missingSexOrAgeLeavesOnlyRangesThatDoNotNeedThem(String sex, int age, String expected) {
        Optional<Sex> s = sex.isEmpty() ? Optional.empty() : Optional.of(Sex.valueOf(sex));
        Optional<PatientAge> a = age < 0 ? Optional.empty() : years(age);
        RangeSelector.Choice c = choose(List.of(ANY_WIDE, FEMALE, FEMALE_ADULT), s, a);
        assertEquals(expected, c.range().orElseThrow().revision().rangeId());
    }

    @ParameterizedTest(name = "{0} in [{1}, {2})")
    @CsvSource({
        "2026-11-20, 2026-11-20, '', true", // effectiveFrom is inclusive
        "2026-11-19, 2026-11-20, '', false",
        "2026-11-20, 2020-01-01, 2026-11-20, false", // effectiveTo is exclusive
        "2026-11-19, 2020-01-01, 2026-11-20, true",
    })
    void aRevisionAppliesFromItsEffectiveFromUpToButExcludingItsEffectiveTo(
            String on, String from, String to, boolean applies) {
        RangeRevision r = new RangeRevision(
                "r",
                2,
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1, 2),
                "mg/L",
                Population.everyone(),
                true,
                LocalDate.parse(from),
                to.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(to)),
                Optional.empty());
        assertEquals(applies, r.inEffectOn(LocalDate.parse(on)));
    }

    @Test
    void aRetiredRevisionDoesNotApply() {
        RangeRevision retired = new RangeRevision(
                "r",
                2,
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1, 2),
                "mg/L",
                Population.everyone(),
                false,
                LocalDate.parse("2025-01-01"),
                Optional.empty(),
                Optional.empty());
        RangeSelector.Choice c = choose(List.of(retired), Optional.empty(), Optional.empty());
        assertTrue(c.range().isEmpty());
        assertEquals("no reference range of lab in effect on 2026-11-20", c.rule());
    }

    @Test
    void aRangeForAConditionIsNeverAppliedAutomatically() {
        RangeRevision pregnancy = range(
                "p",
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1, 2),
                "mg/L",
                new Population(
                        Sex.FEMALE,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        AgeUnit.YEARS,
                        Optional.of("pregnancy"),
                        Optional.empty()));
        RangeSelector.Choice c = choose(List.of(pregnancy), Optional.of(Sex.FEMALE), years(30));
        assertTrue(c.range().isEmpty());
        assertTrue(c.rule().contains("condition 'pregnancy'"));
    }

    @Test
    void aMethodSpecificRangeAppliesOnlyToResultsOfThatMethod() {
        RangeRevision nephelometry = range(
                "n",
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1.21, 2.70),
                "mg/L",
                new Population(
                        Sex.ANY,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        AgeUnit.YEARS,
                        Optional.empty(),
                        Optional.of("nephelometry")));
        List<CanonicalRange> ranges = List.of(canonical(nephelometry), canonical(ANY_WIDE));
        assertEquals(
                "n",
                RangeSelector.choose(
                                ranges,
                                "lab",
                                RangeCategory.REFERENCE,
                                DAY,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Nephelometry"))
                        .range()
                        .orElseThrow()
                        .revision()
                        .rangeId());
        assertEquals(
                "a-any-wide",
                RangeSelector.choose(
                                ranges,
                                "lab",
                                RangeCategory.REFERENCE,
                                DAY,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .range()
                        .orElseThrow()
                        .revision()
                        .rangeId());
    }

    @ParameterizedTest(name = "age limit in {0}")
    @CsvSource({"DAYS, 30, 31, true", "DAYS, 30, 29, false", "MONTHS, 6, 6, true", "MONTHS, 6, 5, false"})
    void ageLimitsAreComparedInTheRangesOwnUnit(AgeUnit unit, int min, int patientValue, boolean applies) {
        RangeRevision infants = range(
                "i",
                "X",
                "lab",
                RangeCategory.REFERENCE,
                Interval.closed(1, 2),
                "mg/L",
                new Population(
                        Sex.ANY,
                        OptionalDouble.of(min),
                        OptionalDouble.empty(),
                        unit,
                        Optional.empty(),
                        Optional.empty()));
        PatientAge age = unit == AgeUnit.DAYS
                ? new PatientAge(patientValue, 0, 0)
                : new PatientAge(patientValue * 30L, patientValue, 0);
        assertEquals(
                applies,
                choose(List.of(infants), Optional.empty(), Optional.of(age))
                        .range()
                        .isPresent());
    }
}
