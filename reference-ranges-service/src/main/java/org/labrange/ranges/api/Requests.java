package org.labrange.ranges.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.ranges.domain.AgeUnit;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.Population;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.Sex;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.domain.SourceKind;
import org.labrange.ranges.domain.Specimen;
import org.labrange.ranges.service.CatalogService;
import org.labrange.ranges.service.CatalogueDocumentService;
import org.labrange.ranges.service.NewRange;
import org.labrange.ranges.service.RangeService;

/** Request bodies of the API. */
public final class Requests {

    private Requests() {}

    @Schema(
            name = "PopulationWrite",
            description = "Omitted fields mean: any sex, any age (years), no condition, any method")
    public record PopulationWrite(
            Sex sex, Integer ageMin, Integer ageMax, AgeUnit ageUnit, String condition, String method) {
        Population toDomain() {
            return new Population(
                    sex == null ? Sex.ANY : sex,
                    Optional.ofNullable(ageMin),
                    Optional.ofNullable(ageMax),
                    ageUnit == null ? AgeUnit.YEARS : ageUnit,
                    Optional.ofNullable(condition),
                    Optional.ofNullable(method));
        }
    }

    @Schema(name = "RangeDraft", description = "A range without the write metadata, as used in imports")
    public record RangeDraft(
            @Schema(examples = "1952-1") String analyteCode,
            @Schema(examples = "labcorp") String sourceCode,
            Category category,
            @Schema(examples = "0.6") BigDecimal low,
            @Schema(description = "Defaults to true") Boolean lowInclusive,
            @Schema(examples = "2.4") BigDecimal high,
            @Schema(description = "Defaults to true") Boolean highInclusive,
            @Schema(examples = "mg/L") String unit,
            PopulationWrite population,
            String note) {

        NewRange toNewRange() {
            return new NewRange(
                    analyteCode,
                    sourceCode,
                    category,
                    content(low, lowInclusive, high, highInclusive, unit, population, note));
        }

        static RangeDraft of(RangeRevision r) {
            RangeContent c = r.content();
            Population p = c.population();
            return new RangeDraft(
                    r.analyteCode(),
                    r.sourceCode(),
                    r.category(),
                    c.low().orElse(null),
                    c.lowInclusive(),
                    c.high().orElse(null),
                    c.highInclusive(),
                    c.unit(),
                    new PopulationWrite(
                            p.sex(),
                            p.ageMin().orElse(null),
                            p.ageMax().orElse(null),
                            p.ageUnit(),
                            p.condition().orElse(null),
                            p.method().orElse(null)),
                    c.note().orElse(null));
        }
    }

    @Schema(name = "RangeWrite", description = "Creates a range (POST) or revises one (PUT, with If-Match)")
    public record RangeWrite(
            @Schema(description = "Required on create; must match the range on revise", examples = "1952-1")
            String analyteCode,

            @Schema(description = "Required on create; must match the range on revise", examples = "labcorp")
            String sourceCode,

            @Schema(description = "Required on create; must match the range on revise")
            Category category,

            @Schema(examples = "0.6") BigDecimal low,
            @Schema(description = "Defaults to true") Boolean lowInclusive,
            @Schema(examples = "2.4") BigDecimal high,
            @Schema(description = "Defaults to true") Boolean highInclusive,
            @Schema(examples = "mg/L") String unit,
            PopulationWrite population,
            String note,

            @Schema(description = "First day the lab uses this revision", examples = "2027-01-01")
            LocalDate effectiveFrom,

            @Schema(description = "Why the range changes (mandatory)", examples = "Method change to turbidimetry")
            String reason) {

        NewRange toNewRange() {
            return new NewRange(
                    analyteCode,
                    sourceCode,
                    category,
                    content(low, lowInclusive, high, highInclusive, unit, population, note));
        }

        RangeService.RangeEdit toEdit() {
            return new RangeService.RangeEdit(
                    Optional.ofNullable(analyteCode),
                    Optional.ofNullable(sourceCode),
                    Optional.ofNullable(category),
                    content(low, lowInclusive, high, highInclusive, unit, population, note));
        }
    }

    @Schema(name = "RetireRequest")
    public record RetireRequest(
            @Schema(examples = "2027-01-01") LocalDate effectiveFrom,
            @Schema(examples = "Test discontinued") String reason) {}

    @Schema(
            name = "AnalyteWrite",
            description = "Creates an analyte (POST) or revises one (PUT, with If-Match; every field is restated)")
    public record AnalyteWrite(
            @Schema(description = "Required on create; on revise, if sent, the analyte's own code", examples = "2345-7")
            String code,

            @Schema(description = "LOINC code; its check digit is verified", examples = "2345-7")
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
            String reason) {

        Analyte toDomain() {
            return new AnalyteDraft(
                            code,
                            loinc,
                            displayName,
                            aliases,
                            specimen,
                            unit,
                            molarMassGramsPerMole,
                            displayPrecision,
                            analyticalCvPercent,
                            withinSubjectCvPercent,
                            cvCitation)
                    .toDomain();
        }
    }

    @Schema(
            name = "CatalogueAnalyte",
            description = "An analyte of a catalogue import or export: the fields of AnalyteWrite without the reason")
    public record AnalyteDraft(
            @Schema(examples = "2345-7") String code,

            @Schema(description = "LOINC code; its check digit is verified", examples = "2345-7")
            String loinc,

            @Schema(examples = "Glucose [Mass/volume] in Serum or Plasma")
            String displayName,

            @Schema(description = "Other names; one may be shared only with analytes of other specimens")
            List<String> aliases,

            Specimen specimen,

            @Schema(description = "Canonical UCUM unit", examples = "mg/dL")
            String unit,

            @Schema(description = "g/mol; only for units of mass or amount of substance")
            BigDecimal molarMassGramsPerMole,

            @Schema(description = "Decimals results are shown with, 0 to 6")
            Integer displayPrecision,

            @Schema(description = "Analytical CV in %") BigDecimal analyticalCvPercent,

            @Schema(description = "Within-subject biological CV in %")
            BigDecimal withinSubjectCvPercent,

            @Schema(description = "Where the CVs are published; required with a CV")
            String cvCitation) {

        static AnalyteDraft of(Analyte a) {
            return new AnalyteDraft(
                    a.code(),
                    a.loinc().orElse(null),
                    a.displayName(),
                    a.aliases(),
                    a.specimen(),
                    a.unit(),
                    a.molarMassGramsPerMole().orElse(null),
                    a.displayPrecision().orElse(null),
                    a.analyticalCvPercent().orElse(null),
                    a.withinSubjectCvPercent().orElse(null),
                    a.cvCitation().orElse(null));
        }

        Analyte toDomain() {
            return new Analyte(
                    code == null ? null : code.strip(),
                    Optional.ofNullable(loinc).map(String::strip),
                    displayName,
                    aliases == null ? List.of() : aliases,
                    specimen,
                    unit,
                    Optional.ofNullable(molarMassGramsPerMole),
                    Optional.ofNullable(displayPrecision),
                    Optional.ofNullable(analyticalCvPercent),
                    Optional.ofNullable(withinSubjectCvPercent),
                    Optional.ofNullable(cvCitation));
        }
    }

    @Schema(name = "AnalyteRetireRequest")
    public record AnalyteRetireRequest(
            @Schema(description = "Why (mandatory)", examples = "Test withdrawn from the catalogue")
            String reason) {}

    @Schema(
            name = "CatalogueSource",
            description = "A source of a catalogue import or export: the fields of SourceWrite without the reason")
    public record SourceDraft(
            @Schema(description = "Lower-case letters, digits and dashes", examples = "acme-lab")
            String code,

            @Schema(examples = "ACME Laboratories") String name,
            SourceKind kind,

            @Schema(examples = "ACME test catalogue, 2026 edition")
            String citation,

            String url) {

        static SourceDraft of(Source s) {
            return new SourceDraft(
                    s.code(), s.name(), s.kind(), s.citation(), s.url().orElse(null));
        }

        CatalogueDocumentService.SourceDraft toDomain() {
            return new CatalogueDocumentService.SourceDraft(
                    code, new CatalogService.SourceChange(name, kind, citation, Optional.ofNullable(url)));
        }
    }

    @Schema(
            name = "CatalogueImport",
            description = "A whole catalogue to import all or nothing: the export's three lists plus why and from when")
    public record CatalogueImportRequest(
            @Schema(description = "Why the catalogue changes (mandatory); recorded on every revision written")
            String reason,

            @Schema(description = "First day the imported ranges apply", examples = "2027-01-01")
            LocalDate effectiveFrom,

            @Schema(description = "Created or revised first; unchanged definitions get no new revision")
            List<AnalyteDraft> analytes,

            @Schema(description = "Created or updated next") List<SourceDraft> sources,

            @Schema(
                    description =
                            "Imported last, as by POST /api/v1/ranges/import; may name analytes and sources above")
            List<RangeDraft> ranges) {}

    @Schema(name = "ImportRequest")
    public record ImportRequest(String reason, LocalDate effectiveFrom, List<RangeDraft> ranges) {}

    @Schema(name = "SourceWrite")
    public record SourceWrite(
            @Schema(description = "Required on create; lower-case letters, digits and dashes", examples = "acme-lab")
            String code,

            @Schema(examples = "ACME Laboratories") String name,
            SourceKind kind,

            @Schema(examples = "ACME test catalogue, 2026 edition")
            String citation,

            String url,
            @Schema(description = "Why (mandatory)") String reason) {}

    private static RangeContent content(
            BigDecimal low,
            Boolean lowInclusive,
            BigDecimal high,
            Boolean highInclusive,
            String unit,
            PopulationWrite population,
            String note) {
        return new RangeContent(
                Optional.ofNullable(low),
                lowInclusive == null || lowInclusive,
                Optional.ofNullable(high),
                highInclusive == null || highInclusive,
                unit == null ? null : unit.strip(),
                population == null ? Population.everyone() : population.toDomain(),
                Optional.ofNullable(note));
    }
}
