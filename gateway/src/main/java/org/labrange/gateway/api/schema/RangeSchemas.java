package org.labrange.gateway.api.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of reference-ranges-service, passed on unchanged by the gateway. */
public final class RangeSchemas {

    private RangeSchemas() {}

    @Schema(name = "SourceKind", description = "What kind of publisher a source is")
    public enum SourceKind {
        LAB,
        TEXTBOOK,
        OPTIMAL,
        LOCAL
    }

    @Schema(name = "RangeCategory", description = "What a range is for")
    public enum Category {
        REFERENCE,
        OPTIMAL,
        CRITICAL,
        ABSOLUTE
    }

    @Schema(name = "RangeStatus")
    public enum RangeStatus {
        ACTIVE,
        RETIRED
    }

    @Schema(name = "ChangeAction", description = "What a revision did to its range")
    public enum ChangeAction {
        CREATE,
        REVISE,
        RETIRE
    }

    @Schema(name = "RangeSex", description = "Sex a range applies to; ANY applies to everyone")
    public enum Sex {
        ANY,
        FEMALE,
        MALE
    }

    @Schema(name = "AgeUnit")
    public enum AgeUnit {
        DAYS,
        MONTHS,
        YEARS
    }

    @Schema(
            name = "Source",
            description = "Who publishes a set of ranges",
            requiredProperties = {"code", "name", "kind", "citation", "url"})
    public record Source(
            @Schema(examples = "labcorp") String code,
            String name,
            SourceKind kind,
            String citation,
            @Schema(nullable = true) String url) {}

    @Schema(
            name = "SourceWrite",
            description = "Creates a source (POST) or changes one (PUT)",
            requiredProperties = {"name", "kind", "citation", "reason"})
    public record SourceWrite(
            @Schema(description = "Required on create; lower-case letters, digits and dashes", examples = "acme-lab")
            String code,

            @Schema(examples = "ACME Laboratories") String name,
            SourceKind kind,

            @Schema(examples = "ACME test catalogue, 2026 edition")
            String citation,

            @Schema(nullable = true) String url,
            @Schema(description = "Why (mandatory)") String reason) {}

    @Schema(
            name = "Population",
            description = "Who a range applies to; the age interval is [ageMin, ageMax) in completed ageUnit at "
                    + "collection, an absent bound is open",
            requiredProperties = {"sex", "ageMin", "ageMax", "ageUnit", "condition", "method"})
    public record Population(
            Sex sex,
            @Schema(nullable = true) Integer ageMin,
            @Schema(nullable = true) Integer ageMax,
            AgeUnit ageUnit,
            @Schema(nullable = true) String condition,
            @Schema(nullable = true) String method) {}

    @Schema(
            name = "RangeRevision",
            description = "One immutable revision of a range",
            requiredProperties = {
                "rangeId",
                "revision",
                "sequence",
                "analyteCode",
                "sourceCode",
                "category",
                "low",
                "lowInclusive",
                "high",
                "highInclusive",
                "unit",
                "population",
                "note",
                "status",
                "action",
                "effectiveFrom",
                "effectiveTo",
                "recordedAt",
                "recordedBy",
                "reason"
            })
    public record RangeRevision(
            UUID rangeId,

            @Schema(description = "Revision number, 1, 2, 3… without gaps; the ETag of the range", minimum = "1")
            int revision,

            @Schema(description = "Global change sequence of this revision (position in the change feed)")
            long sequence,

            @Schema(examples = "1952-1") String analyteCode,
            @Schema(examples = "labcorp") String sourceCode,
            Category category,

            @Schema(description = "Lower limit; null for a one-sided range", nullable = true)
            BigDecimal low,

            boolean lowInclusive,

            @Schema(description = "Upper limit; null for a one-sided range", nullable = true)
            BigDecimal high,

            boolean highInclusive,
            @Schema(examples = "mg/L") String unit,
            Population population,
            @Schema(nullable = true) String note,
            RangeStatus status,
            ChangeAction action,

            @Schema(description = "First day this revision applies (valid time)")
            LocalDate effectiveFrom,

            @Schema(
                    description = "First day it no longer applies, from the next revision; null if open",
                    nullable = true)
            LocalDate effectiveTo,

            @Schema(description = "When the database recorded it (transaction time)")
            Instant recordedAt,

            String recordedBy,
            String reason) {}

    @Schema(
            name = "PopulationWrite",
            description = "Omitted fields mean: any sex, any age (years), no condition, any method")
    public record PopulationWrite(
            Sex sex,
            @Schema(nullable = true) Integer ageMin,
            @Schema(nullable = true) Integer ageMax,
            AgeUnit ageUnit,
            @Schema(nullable = true) String condition,
            @Schema(nullable = true) String method) {}

    @Schema(
            name = "RangeWrite",
            description = "Creates a range (POST) or revises one (PUT, with If-Match)",
            requiredProperties = {"unit", "effectiveFrom", "reason"})
    public record RangeWrite(
            @Schema(description = "Required on create; must match the range on revise", examples = "1952-1")
            String analyteCode,

            @Schema(description = "Required on create; must match the range on revise", examples = "labcorp")
            String sourceCode,

            @Schema(description = "Required on create; must match the range on revise")
            Category category,

            @Schema(description = "Lower limit; omit or null for a one-sided range", nullable = true)
            BigDecimal low,

            @Schema(description = "Defaults to true", nullable = true)
            Boolean lowInclusive,

            @Schema(description = "Upper limit; omit or null for a one-sided range", nullable = true)
            BigDecimal high,

            @Schema(description = "Defaults to true", nullable = true)
            Boolean highInclusive,

            @Schema(examples = "mg/L") String unit,
            PopulationWrite population,
            @Schema(nullable = true) String note,

            @Schema(description = "First day the lab uses this revision")
            LocalDate effectiveFrom,

            @Schema(description = "Why the range changes (mandatory)")
            String reason) {}

    @Schema(
            name = "RangeDraft",
            description = "A range without the write metadata, as used in imports",
            requiredProperties = {"analyteCode", "sourceCode", "category", "unit"})
    public record RangeDraft(
            @Schema(examples = "1952-1") String analyteCode,
            @Schema(examples = "labcorp") String sourceCode,
            Category category,
            @Schema(nullable = true) BigDecimal low,

            @Schema(description = "Defaults to true", nullable = true)
            Boolean lowInclusive,

            @Schema(nullable = true) BigDecimal high,

            @Schema(description = "Defaults to true", nullable = true)
            Boolean highInclusive,

            @Schema(examples = "mg/L") String unit,
            PopulationWrite population,
            @Schema(nullable = true) String note) {}

    @Schema(
            name = "RetireRequest",
            requiredProperties = {"effectiveFrom", "reason"})
    public record RetireRequest(
            @Schema(description = "First day the range no longer applies")
            LocalDate effectiveFrom,

            @Schema(description = "Why (mandatory)") String reason) {}

    @Schema(
            name = "ImportRequest",
            description = "Ranges to import, all or nothing",
            requiredProperties = {"reason", "effectiveFrom", "ranges"})
    public record ImportRequest(String reason, LocalDate effectiveFrom, List<RangeDraft> ranges) {}

    @Schema(name = "ImportAction")
    public enum ImportAction {
        CREATE,
        REVISE,
        UNCHANGED
    }

    @Schema(
            name = "ImportItem",
            requiredProperties = {"index", "action", "rangeId", "revision"})
    public record ImportItem(
            @Schema(description = "Position in the request, from 0")
            int index,

            ImportAction action,

            @Schema(description = "null in a dry run of a new range", nullable = true)
            UUID rangeId,

            @Schema(description = "null in a dry run or when unchanged", nullable = true)
            Integer revision) {}

    @Schema(
            name = "ImportReport",
            description = "What an import did, or would do with dryRun=true",
            requiredProperties = {"dryRun", "created", "revised", "unchanged", "items", "warnings"})
    public record ImportReport(
            boolean dryRun,
            long created,
            long revised,
            long unchanged,
            List<ImportItem> items,

            @Schema(description = "Gaps and overlaps the import creates in the coverage of its analytes")
            List<CoverageWarning> warnings) {}

    @Schema(name = "CoverageWarningKind")
    public enum CoverageWarningKind {
        GAP,
        OVERLAP
    }

    @Schema(
            name = "CoverageWarning",
            description = "A gap (patients no range covers) or an overlap (patients several ranges match) that a write "
                    + "creates for an analyte, source and category, on the date it takes effect; the write is done "
                    + "(or, in a dry run, would be) all the same",
            requiredProperties = {
                "analyteCode",
                "sourceCode",
                "category",
                "kind",
                "sex",
                "from",
                "to",
                "rangeIds",
                "text"
            })
    public record CoverageWarning(
            String analyteCode,
            String sourceCode,
            Category category,
            CoverageWarningKind kind,
            Sex sex,
            AnalyteSchemas.AgeBound from,
            AnalyteSchemas.AgeBound to,

            @Schema(description = "The ranges that overlap; empty for a gap")
            List<UUID> rangeIds,

            @Schema(examples = "no range for male patients from 0 days to no upper limit")
            String text) {}

    @Schema(
            name = "RangeFieldChange",
            requiredProperties = {"field", "from", "to"})
    public record FieldChange(
            @Schema(examples = "high") String field,
            @Schema(nullable = true) String from,
            @Schema(nullable = true) String to) {}

    @Schema(
            name = "RangeDiff",
            requiredProperties = {"rangeId", "from", "to", "changes"})
    public record RangeDiff(UUID rangeId, int from, int to, List<FieldChange> changes) {}

    @Schema(
            name = "Timeline",
            description = "An analyte and every revision of its ranges with a non-empty valid period, as known now",
            requiredProperties = {"analyte", "changeSequence", "revisions"})
    public record Timeline(AnalyteSchemas.Analyte analyte, long changeSequence, List<RangeRevision> revisions) {}

    @Schema(
            name = "Change",
            description = "One recorded revision in the change feed: of a range (subject RANGE) or of an analyte "
                    + "(subject ANALYTE; rangeId, sourceCode and effectiveFrom are then null)",
            requiredProperties = {
                "sequence",
                "subject",
                "rangeId",
                "revision",
                "analyteCode",
                "sourceCode",
                "action",
                "effectiveFrom",
                "recordedAt",
                "recordedBy",
                "reason"
            })
    public record Change(
            long sequence,
            @Schema(enumeration = {"RANGE", "ANALYTE"}) String subject,
            @Schema(nullable = true) UUID rangeId,
            int revision,
            String analyteCode,
            @Schema(nullable = true) String sourceCode,
            ChangeAction action,
            @Schema(nullable = true) LocalDate effectiveFrom,
            Instant recordedAt,
            String recordedBy,
            String reason) {}

    @Schema(
            name = "ChangePage",
            requiredProperties = {"latestSequence", "changes"})
    public record ChangePage(long latestSequence, List<Change> changes) {}

    @Schema(
            name = "LatestChange",
            requiredProperties = {"latestSequence"})
    public record LatestChange(
            @Schema(description = "Highest change sequence recorded")
            long latestSequence) {}

    @Schema(
            name = "AuditEntry",
            description = "One write with who and why",
            requiredProperties = {"id", "recordedAt", "actor", "action", "subjectType", "subjectId", "reason", "detail"
            })
    public record AuditEntry(
            long id,
            Instant recordedAt,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String reason,
            @Schema(nullable = true) String detail) {}

    /** Marker used for the CSV bodies of import and export. */
    @Schema(name = "RangesCsv", type = SchemaType.STRING, description = "CSV with a header row, as written by export")
    public record Csv() {}
}
