package org.labrange.gateway.api.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Catalogue import and export bodies of reference-ranges-service, passed on unchanged by the gateway. */
public final class CatalogueSchemas {

    private CatalogueSchemas() {}

    @Schema(
            name = "CatalogueAnalyte",
            description = "An analyte of a catalogue import or export: the fields of AnalyteWrite without the reason",
            requiredProperties = {"code", "displayName", "specimen", "unit"})
    public record CatalogueAnalyte(
            @Schema(examples = "1952-1") String code,

            @Schema(description = "LOINC code; its mod-10 check digit is verified", nullable = true)
            String loinc,

            String displayName,

            @Schema(
                    description = "Other names; one may be shared only with analytes of other specimens",
                    nullable = true)
            List<String> aliases,

            AnalyteSchemas.Specimen specimen,

            @Schema(description = "Canonical UCUM unit", examples = "mg/L")
            String unit,

            @Schema(description = "g/mol; only for units of mass or amount of substance", nullable = true)
            BigDecimal molarMassGramsPerMole,

            @Schema(description = "Decimals results are shown with, 0 to 6", nullable = true)
            Integer displayPrecision,

            @Schema(description = "Analytical CV in %", nullable = true)
            BigDecimal analyticalCvPercent,

            @Schema(description = "Within-subject biological CV in %", nullable = true)
            BigDecimal withinSubjectCvPercent,

            @Schema(description = "Where the CVs are published; required with a CV", nullable = true)
            String cvCitation) {}

    @Schema(
            name = "CatalogueSource",
            description = "A source of a catalogue import or export: the fields of SourceWrite without the reason",
            requiredProperties = {"code", "name", "kind", "citation"})
    public record CatalogueSource(
            @Schema(description = "Lower-case letters, digits and dashes", examples = "labcorp")
            String code,

            String name,
            RangeSchemas.SourceKind kind,
            String citation,
            @Schema(nullable = true) String url) {}

    @Schema(
            name = "Catalogue",
            description = "The catalogue as it stands: analytes in use at their current revision, every source, and "
                    + "the latest revision of every live range (the revision an import compares with)",
            requiredProperties = {"analytes", "sources", "ranges"})
    public record Catalogue(
            List<CatalogueAnalyte> analytes, List<CatalogueSource> sources, List<RangeSchemas.RangeDraft> ranges) {}

    @Schema(
            name = "CatalogueImport",
            description = "A whole catalogue to import all or nothing: the export's three lists plus why and from when",
            requiredProperties = {"reason", "effectiveFrom"})
    public record CatalogueImport(
            @Schema(description = "Why the catalogue changes (mandatory); recorded on every revision written")
            String reason,

            @Schema(description = "First day the imported ranges apply", examples = "2027-01-01")
            LocalDate effectiveFrom,

            @Schema(description = "Created or revised first; an unchanged definition gets no new revision")
            List<CatalogueAnalyte> analytes,

            @Schema(description = "Created or updated next") List<CatalogueSource> sources,

            @Schema(
                    description = "Imported last, matched as by POST /api/v1/ranges/import; may name analytes and "
                            + "sources of the same import")
            List<RangeSchemas.RangeDraft> ranges) {}

    @Schema(
            name = "CatalogueItem",
            description = "What a catalogue import does with one analyte or source",
            requiredProperties = {"index", "code", "action", "revision"})
    public record CatalogueItem(
            @Schema(description = "Position in the list sent, from 0")
            int index,

            String code,
            RangeSchemas.ImportAction action,

            @Schema(
                    description = "The analyte revision written, or in effect when unchanged; null for sources",
                    nullable = true)
            Integer revision) {}

    @Schema(
            name = "CatalogueImportCounts",
            description = "How many items of one kind each action applies to",
            requiredProperties = {"created", "revised", "unchanged"})
    public record CatalogueImportCounts(long created, long revised, long unchanged) {}

    @Schema(
            name = "CatalogueImportReport",
            description = "What a catalogue import did, or would do with dryRun=true (then nothing was written)",
            requiredProperties = {
                "dryRun",
                "catalogueVersion",
                "analyteCounts",
                "sourceCounts",
                "rangeCounts",
                "analytes",
                "sources",
                "ranges",
                "warnings"
            })
    public record CatalogueImportReport(
            boolean dryRun,

            @Schema(
                    description = "For a dry run, the catalogue version it was computed at: send it in If-Match to "
                            + "apply exactly what it reports. After an apply, the version the import left. Also the "
                            + "ETag.",
                    examples = "412-3f9a0c21")
            String catalogueVersion,

            CatalogueImportCounts analyteCounts,
            CatalogueImportCounts sourceCounts,
            CatalogueImportCounts rangeCounts,
            List<CatalogueItem> analytes,
            List<CatalogueItem> sources,

            @Schema(description = "As in a range import; a range a dry run would create has no id yet")
            List<RangeSchemas.ImportItem> ranges,

            @Schema(description = "Gaps and overlaps the import creates in the coverage of the analytes of its ranges")
            List<RangeSchemas.CoverageWarning> warnings) {}

    /** Marker for the CSV form of the catalogue export and import. */
    @Schema(
            name = "CatalogueCsv",
            type = SchemaType.STRING,
            description = "CSV with a header row, as the export writes it: one row per analyte, source or range, the "
                    + "first column kind (analyte, source or range), then the union of their columns; a row fills "
                    + "those of its kind. A source's kind is the column sourceKind; aliases are separated by |.")
    public record Csv() {}
}
