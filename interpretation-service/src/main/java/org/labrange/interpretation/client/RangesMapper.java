package org.labrange.interpretation.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jboss.logging.Logger;
import org.labrange.interpretation.client.RangesDtos.AnalyteDto;
import org.labrange.interpretation.client.RangesDtos.PopulationDto;
import org.labrange.interpretation.client.RangesDtos.RangeRevisionDto;
import org.labrange.interpretation.client.RangesDtos.SourceDto;
import org.labrange.interpretation.domain.AgeUnit;
import org.labrange.interpretation.domain.Analyte;
import org.labrange.interpretation.domain.Interval;
import org.labrange.interpretation.domain.Population;
import org.labrange.interpretation.domain.RangeCategory;
import org.labrange.interpretation.domain.RangeRevision;
import org.labrange.interpretation.domain.Sex;
import org.labrange.interpretation.domain.Source;

/** Turns the ranges service's JSON into domain values; a revision that makes no sense is skipped and logged. */
final class RangesMapper {

    private static final Logger LOG = Logger.getLogger(RangesMapper.class);

    private RangesMapper() {}

    static Analyte analyte(AnalyteDto a) {
        if (a == null || a.code() == null || a.unit() == null) {
            throw new RangesUpstreamException("the ranges service sent an analyte without code or unit");
        }
        return new Analyte(
                a.code(),
                a.displayName() == null ? a.code() : a.displayName(),
                a.aliases() == null ? List.of() : a.aliases(),
                a.specimen() == null ? "UNKNOWN" : a.specimen().toUpperCase(Locale.ROOT),
                a.unit(),
                number(a.molarMassGramsPerMole()),
                number(a.analyticalCvPercent()),
                number(a.withinSubjectCvPercent()),
                Optional.ofNullable(a.loinc()).filter(l -> !l.isBlank()));
    }

    static Source source(SourceDto s) {
        return new Source(s.code(), s.name() == null ? s.code() : s.name(), s.kind(), s.citation());
    }

    static List<RangeRevision> revisions(List<RangeRevisionDto> dtos, String analyteCode) {
        List<RangeRevision> out = new ArrayList<>();
        if (dtos == null) {
            return out;
        }
        for (RangeRevisionDto r : dtos) {
            try {
                out.add(revision(r, analyteCode));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "skipping unusable range revision %s#%s of %s: %s",
                        r.rangeId(), r.revision(), analyteCode, e.getMessage());
            }
        }
        return out;
    }

    static RangeRevision revision(RangeRevisionDto r, String analyteCode) {
        PopulationDto p = r.population();
        Population population = p == null
                ? Population.everyone()
                : new Population(
                        p.sex() == null ? Sex.ANY : Sex.valueOf(p.sex().toUpperCase(Locale.ROOT)),
                        number(p.ageMin()),
                        number(p.ageMax()),
                        p.ageUnit() == null
                                ? AgeUnit.YEARS
                                : AgeUnit.valueOf(p.ageUnit().toUpperCase(Locale.ROOT)),
                        blankToEmpty(p.condition()),
                        blankToEmpty(p.method()));
        Interval interval = new Interval(
                number(r.low()),
                r.lowInclusive() == null || r.lowInclusive(),
                number(r.high()),
                r.highInclusive() == null || r.highInclusive());
        return new RangeRevision(
                require(r.rangeId(), "rangeId"),
                r.revision() == null ? 0 : r.revision(),
                r.analyteCode() == null ? analyteCode : r.analyteCode(),
                require(r.sourceCode(), "sourceCode"),
                RangeCategory.valueOf(require(r.category(), "category").toUpperCase(Locale.ROOT)),
                interval,
                require(r.unit(), "unit"),
                population,
                r.status() == null || "ACTIVE".equalsIgnoreCase(r.status()),
                java.util.Objects.requireNonNull(r.effectiveFrom(), "effectiveFrom"),
                Optional.ofNullable(r.effectiveTo()),
                blankToEmpty(r.note()));
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static OptionalDouble number(BigDecimal value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }
}
