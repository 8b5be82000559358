package org.labrange.interpretation.client;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The ranges service's JSON shapes as this service reads them (unknown fields are ignored). */
// Read through readEntity(GenericType), which the native build cannot see; nested records are included.
@RegisterForReflection
final class RangesDtos {

    private RangesDtos() {}

    record AnalyteDto(
            String code,
            String loinc,
            String displayName,
            List<String> aliases,
            String specimen,
            String unit,
            BigDecimal molarMassGramsPerMole,
            BigDecimal analyticalCvPercent,
            BigDecimal withinSubjectCvPercent) {}

    record SourceDto(String code, String name, String kind, String citation, String url) {}

    record PopulationDto(
            String sex, BigDecimal ageMin, BigDecimal ageMax, String ageUnit, String condition, String method) {}

    record RangeRevisionDto(
            String rangeId,
            Integer revision,
            String analyteCode,
            String sourceCode,
            String category,
            BigDecimal low,
            Boolean lowInclusive,
            BigDecimal high,
            Boolean highInclusive,
            String unit,
            PopulationDto population,
            String note,
            String status,
            LocalDate effectiveFrom,
            LocalDate effectiveTo) {}

    record TimelineDto(
            AnalyteDto analyte, Long changeSequence, Instant changeRecordedAt, List<RangeRevisionDto> revisions) {}

    record LatestChangeDto(Long latestSequence, Instant recordedAt) {}
}
