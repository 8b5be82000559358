package org.labrange.gateway.api.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Analyte bodies of reference-ranges-service, passed on unchanged by the gateway. */
public final class AnalyteSchemas {

    private AnalyteSchemas() {}

    @Schema(
            name = "Specimen",
            description = "Specimen an analyte is measured in; the reference-ranges-service README lists the HL7 v2 "
                    + "table 0487 code of each (specimenCode in an Analyte)")
    public enum Specimen {
        SERUM_PLASMA,
        BLOOD,
        URINE,
        CSF,
        SERUM,
        PLASMA,
        BLOOD_ARTERIAL,
        BLOOD_VENOUS,
        BLOOD_CORD,
        URINE_24H,
        SALIVA,
        STOOL,
        PLEURAL_FLUID,
        SYNOVIAL_FLUID,
        AMNIOTIC_FLUID,
        SEMINAL_FLUID,
        SWEAT
    }

    @Schema(name = "Dimension", description = "What a unit measures, as UCUM classifies it")
    public enum Dimension {
        MASS_CONCENTRATION,
        SUBSTANCE_CONCENTRATION,
        CATALYTIC_CONCENTRATION,
        NUMBER_CONCENTRATION,
        DIMENSIONLESS,
        MASS,
        SUBSTANCE,
        MASS_RATE,
        SUBSTANCE_RATE,
        VOLUME,
        VOLUME_RATE,
        PRESSURE,
        TIME,
        LENGTH,
        OTHER
    }

    @Schema(
            name = "Analyte",
            description = "One revision of an analyte: a measurable quantity, its specimen and canonical unit",
            requiredProperties = {
                "code",
                "loinc",
                "displayName",
                "aliases",
                "specimen",
                "specimenCode",
                "unit",
                "dimension",
                "molarMassGramsPerMole",
                "displayPrecision",
                "analyticalCvPercent",
                "withinSubjectCvPercent",
                "cvCitation",
                "revision",
                "status",
                "recordedAt",
                "recordedBy",
                "reason"
            })
    public record Analyte(
            @Schema(examples = "1952-1") String code,

            @Schema(description = "LOINC code, when one exists; its check digit is verified", nullable = true)
            String loinc,

            String displayName,
            @Schema(description = "Names users type") List<String> aliases,
            Specimen specimen,

            @Schema(
                    description = "HL7 v2 table 0487 code of the specimen; null for SERUM_PLASMA, which has none",
                    examples = "UR",
                    nullable = true)
            String specimenCode,

            @Schema(description = "Canonical UCUM unit", examples = "mg/L")
            String unit,

            Dimension dimension,

            @Schema(description = "Molar mass (g/mol) for mass ↔ substance conversions", nullable = true)
            BigDecimal molarMassGramsPerMole,

            @Schema(description = "Decimals results are shown with", nullable = true)
            Integer displayPrecision,

            @Schema(description = "Analytical variation CVa in %", nullable = true)
            BigDecimal analyticalCvPercent,

            @Schema(description = "Within-subject biological variation CVi in %", nullable = true)
            BigDecimal withinSubjectCvPercent,

            @Schema(description = "Where the CV figures are published", nullable = true)
            String cvCitation,

            @Schema(description = "Revision number, also the ETag", examples = "1")
            int revision,

            RangeSchemas.RangeStatus status,

            @Schema(description = "When the database recorded this revision")
            Instant recordedAt,

            String recordedBy,
            String reason) {}

    @Schema(
            name = "AnalyteWrite",
            description = "Creates an analyte (POST) or revises one (PUT, with If-Match; every field is restated)",
            requiredProperties = {"displayName", "specimen", "unit", "reason"})
    public record AnalyteWrite(
            @Schema(description = "Required on create; on revise, if sent, the analyte's own code", examples = "2345-7")
            String code,

            @Schema(description = "LOINC code; its mod-10 check digit is verified", examples = "2345-7")
            String loinc,

            @Schema(examples = "Glucose [Mass/volume] in Serum or Plasma")
            String displayName,

            @Schema(description = "Other names; one may be shared only with analytes of other specimens")
            List<String> aliases,

            Specimen specimen,

            @Schema(description = "Canonical UCUM unit (mcg and µ are read as ug and u)", examples = "mg/dL")
            String unit,

            @Schema(description = "g/mol; only for units of mass or amount of substance", examples = "180.16")
            BigDecimal molarMassGramsPerMole,

            @Schema(description = "Decimals results are shown with, 0 to 6", examples = "0")
            Integer displayPrecision,

            @Schema(description = "Analytical CV in %") BigDecimal analyticalCvPercent,

            @Schema(description = "Within-subject biological CV in %")
            BigDecimal withinSubjectCvPercent,

            @Schema(description = "Where the CVs are published; required with a CV")
            String cvCitation,

            @Schema(description = "Why (mandatory)", examples = "Added to the lab's catalogue")
            String reason) {}

    @Schema(
            name = "AnalyteRetireRequest",
            requiredProperties = {"reason"})
    public record AnalyteRetireRequest(
            @Schema(description = "Why (mandatory)", examples = "Test withdrawn from the catalogue")
            String reason) {}

    @Schema(
            name = "AnalyteDiff",
            requiredProperties = {"code", "from", "to", "changes"})
    public record AnalyteDiff(String code, int from, int to, List<RangeSchemas.FieldChange> changes) {}

    @Schema(name = "AgeBound", description = "An age as a range states it; value null means no upper limit")
    public record AgeBound(@Schema(nullable = true) Integer value, RangeSchemas.AgeUnit unit) {}

    @Schema(
            name = "CoverageGap",
            description = "Patients of this sex aged [from, to) have no range",
            requiredProperties = {"sex", "from", "to", "text"})
    public record CoverageGap(RangeSchemas.Sex sex, AgeBound from, AgeBound to, String text) {}

    @Schema(
            name = "CoverageOverlap",
            description = "Patients of this sex aged [from, to) match every listed range; the interpretation service "
                    + "picks one by its selection rule (the most specific population, then the narrower range, then "
                    + "the stricter bounds, then the lowest range id). ambiguous: the ranges are equally specific "
                    + "about sex, so only the tie-breaks decide",
            requiredProperties = {"sex", "from", "to", "rangeIds", "ambiguous", "text"})
    public record CoverageOverlap(
            RangeSchemas.Sex sex, AgeBound from, AgeBound to, List<UUID> rangeIds, boolean ambiguous, String text) {}

    @Schema(
            name = "CoverageGroup",
            description = "One source and category",
            requiredProperties = {"sourceCode", "category", "gaps", "overlaps", "conditionalRangeIds"})
    public record CoverageGroup(
            String sourceCode,
            RangeSchemas.Category category,
            List<CoverageGap> gaps,
            List<CoverageOverlap> overlaps,

            @Schema(
                    description = "Ranges with a condition or method: they apply on top of the general ones and are "
                            + "not counted")
            List<UUID> conditionalRangeIds) {}

    @Schema(
            name = "Coverage",
            description = "Gaps and overlaps between the age and sex bands of an analyte's active ranges in effect on "
                    + "a date as known at an instant, per source and category",
            requiredProperties = {"analyteCode", "effectiveOn", "knownAt", "groups"})
    public record Coverage(String analyteCode, LocalDate effectiveOn, Instant knownAt, List<CoverageGroup> groups) {}
}
