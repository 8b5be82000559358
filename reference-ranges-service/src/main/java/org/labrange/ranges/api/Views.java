package org.labrange.ranges.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.ranges.domain.AgeUnit;
import org.labrange.ranges.domain.Analyte;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.AnalyteRules;
import org.labrange.ranges.domain.AuditEntry;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.RangeCoverage;
import org.labrange.ranges.domain.RangeDiff;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.domain.Sex;
import org.labrange.ranges.domain.Source;
import org.labrange.ranges.domain.SourceKind;
import org.labrange.ranges.domain.Specimen;
import org.labrange.ranges.service.CatalogueDocumentService;
import org.labrange.ranges.service.RangeImportService;
import org.labrange.ranges.service.RangeService;
import org.labrange.units.Dimension;

/** Response bodies of the API, mapped from domain and service values. */
public final class Views {

    private Views() {}

    @Schema(
            name = "Analyte",
            description = "One revision of an analyte: a measurable quantity, its specimen and canonical unit")
    public record AnalyteView(
            @Schema(examples = "1952-1") String code,

            @Schema(description = "LOINC code, when one exists", examples = "1952-1", nullable = true)
            String loinc,

            String displayName,

            @Schema(description = "Names users type", examples = "[\"B2M\", \"beta-2 microglobulin\"]")
            List<String> aliases,

            Specimen specimen,

            @Schema(
                    description = "The specimen's HL7 v2 table 0487 code; null for SERUM_PLASMA, which it has none for",
                    examples = "UR",
                    nullable = true)
            String specimenCode,

            @Schema(description = "Canonical UCUM unit", examples = "mg/L")
            String unit,

            @Schema(
                    description = "What the canonical unit measures, as UCUM classifies it",
                    examples = "MASS_CONCENTRATION")
            Dimension dimension,

            @Schema(
                    description = "Molar mass in g/mol, for conversions between mass and amount of substance",
                    examples = "11800",
                    nullable = true)
            BigDecimal molarMassGramsPerMole,

            @Schema(description = "Decimals results are shown with; null when not set", nullable = true)
            Integer displayPrecision,

            @Schema(description = "Analytical variation CVa in %", nullable = true)
            BigDecimal analyticalCvPercent,

            @Schema(description = "Within-subject biological variation CVi in %", nullable = true)
            BigDecimal withinSubjectCvPercent,

            @Schema(description = "Where the CV figures are published", nullable = true)
            String cvCitation,

            @Schema(description = "Revision number; the ETag of the analyte", examples = "1")
            int revision,

            RangeStatus status,

            @Schema(description = "When the database recorded this revision (transaction time)")
            Instant recordedAt,

            String recordedBy,
            String reason) {

        public static AnalyteView of(AnalyteRevision r) {
            Analyte a = r.analyte();
            return new AnalyteView(
                    a.code(),
                    a.loinc().orElse(null),
                    a.displayName(),
                    a.aliases(),
                    a.specimen(),
                    a.specimen().hl7Code().orElse(null),
                    a.unit(),
                    AnalyteRules.dimension(a),
                    a.molarMassGramsPerMole().orElse(null),
                    a.displayPrecision().orElse(null),
                    a.analyticalCvPercent().orElse(null),
                    a.withinSubjectCvPercent().orElse(null),
                    a.cvCitation().orElse(null),
                    r.revision(),
                    r.status(),
                    r.recordedAt(),
                    r.recordedBy(),
                    r.reason());
        }
    }

    @Schema(name = "AnalyteDiff")
    public record AnalyteDiffView(String code, int from, int to, List<RangeDiff.FieldChange> changes) {}

    @Schema(name = "Source", description = "Who publishes a set of ranges")
    public record SourceView(
            @Schema(examples = "labcorp") String code, String name, SourceKind kind, String citation, String url) {
        static SourceView of(Source s) {
            return new SourceView(
                    s.code(), s.name(), s.kind(), s.citation(), s.url().orElse(null));
        }
    }

    @Schema(
            name = "Population",
            description = "Who a range applies to; age interval is [ageMin, ageMax) in completed ageUnit at collection")
    public record PopulationView(
            Sex sex, Integer ageMin, Integer ageMax, AgeUnit ageUnit, String condition, String method) {}

    @Schema(name = "RangeRevision", description = "One immutable revision of a range")
    public record RangeRevisionView(
            UUID rangeId,

            @Schema(description = "Revision number, 1, 2, 3… without gaps")
            int revision,

            @Schema(description = "Global change sequence of this revision")
            long sequence,

            String analyteCode,
            String sourceCode,
            Category category,

            @Schema(description = "Lower limit; absent for a one-sided range")
            BigDecimal low,

            boolean lowInclusive,

            @Schema(description = "Upper limit; absent for a one-sided range")
            BigDecimal high,

            boolean highInclusive,
            @Schema(examples = "mg/L") String unit,
            PopulationView population,
            String note,
            RangeStatus status,
            ChangeAction action,

            @Schema(description = "First day this revision applies (valid time)")
            LocalDate effectiveFrom,

            @Schema(description = "First day it no longer applies, from the next revision; absent if open")
            LocalDate effectiveTo,

            @Schema(description = "When the database recorded it (transaction time)")
            Instant recordedAt,

            String recordedBy,
            String reason) {

        public static RangeRevisionView of(RangeRevision r) {
            var c = r.content();
            var p = c.population();
            return new RangeRevisionView(
                    r.rangeId(),
                    r.revision(),
                    r.sequence(),
                    r.analyteCode(),
                    r.sourceCode(),
                    r.category(),
                    c.low().orElse(null),
                    c.lowInclusive(),
                    c.high().orElse(null),
                    c.highInclusive(),
                    c.unit(),
                    new PopulationView(
                            p.sex(),
                            p.ageMin().orElse(null),
                            p.ageMax().orElse(null),
                            p.ageUnit(),
                            p.condition().orElse(null),
                            p.method().orElse(null)),
                    c.note().orElse(null),
                    r.status(),
                    r.action(),
                    r.effectiveFrom(),
                    r.effectiveTo().orElse(null),
                    r.recordedAt(),
                    r.recordedBy(),
                    r.reason());
        }
    }

    @Schema(
            name = "Timeline",
            description = "The analyte's range revisions with a non-empty valid period, as known at knownAt (or now)")
    public record TimelineView(
            AnalyteView analyte,

            @Schema(description = "The knownAt asked for; null when the timeline is as known now", nullable = true)
            Instant knownAt,

            @Schema(description = "Position of the latest change included (0 when none had been recorded)")
            long changeSequence,

            @Schema(description = "When that change was recorded; null when none had been", nullable = true)
            Instant changeRecordedAt,

            List<RangeRevisionView> revisions) {}

    @Schema(name = "RangeDiff")
    public record RangeDiffView(UUID rangeId, int from, int to, List<RangeDiff.FieldChange> changes) {}

    @Schema(
            name = "Change",
            description = "One recorded revision in the change feed: of a range (subject RANGE) or of an analyte "
                    + "(subject ANALYTE, without rangeId, sourceCode and effectiveFrom)")
    public record ChangeView(
            long sequence,

            @Schema(description = "RANGE or ANALYTE", examples = "RANGE")
            String subject,

            @Schema(nullable = true) UUID rangeId,
            int revision,
            String analyteCode,
            @Schema(nullable = true) String sourceCode,
            ChangeAction action,
            @Schema(nullable = true) LocalDate effectiveFrom,
            Instant recordedAt,
            String recordedBy,
            String reason) {
        static ChangeView of(RangeRevision r) {
            return new ChangeView(
                    r.sequence(),
                    "RANGE",
                    r.rangeId(),
                    r.revision(),
                    r.analyteCode(),
                    r.sourceCode(),
                    r.action(),
                    r.effectiveFrom(),
                    r.recordedAt(),
                    r.recordedBy(),
                    r.reason());
        }

        static ChangeView of(AnalyteRevision a) {
            return new ChangeView(
                    a.sequence(),
                    "ANALYTE",
                    null,
                    a.revision(),
                    a.code(),
                    null,
                    a.action(),
                    null,
                    a.recordedAt(),
                    a.recordedBy(),
                    a.reason());
        }
    }

    @Schema(name = "ChangePage")
    public record ChangePage(long latestSequence, List<ChangeView> changes) {}

    @Schema(name = "LatestChange")
    public record LatestChange(
            long latestSequence,

            @Schema(
                    description =
                            "When the latest change (of a range or an analyte) was recorded; null when none was ever recorded",
                    nullable = true)
            Instant recordedAt) {}

    @Schema(name = "AuditEntry")
    public record AuditEntryView(
            long id,
            Instant recordedAt,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String reason,
            String detail) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(
                    e.id(),
                    e.recordedAt(),
                    e.actor(),
                    e.action(),
                    e.subjectType(),
                    e.subjectId(),
                    e.reason(),
                    e.detail().orElse(null));
        }
    }

    @Schema(name = "ImportItem")
    public record ImportItemView(int index, String action, UUID rangeId, Integer revision) {}

    @Schema(name = "ImportReport", description = "What an import did, or would do with dryRun=true")
    public record ImportReport(
            boolean dryRun,
            long created,
            long revised,
            long unchanged,
            List<ImportItemView> items,

            @Schema(description = "Gaps and overlaps the import creates in the coverage of its analytes")
            List<CoverageWarningView> warnings) {}

    @Schema(
            name = "CoverageWarning",
            description = "A gap (patients no range covers) or an overlap (patients several ranges match) that a write "
                    + "creates for an analyte, source and category, on the date it takes effect; the write is done "
                    + "(or, in a dry run, would be) all the same")
    public record CoverageWarningView(
            String analyteCode,
            String sourceCode,
            Category category,
            @Schema(description = "GAP or OVERLAP") String kind,
            Sex sex,
            AgeView from,
            AgeView to,

            @Schema(description = "The ranges that overlap; empty for a gap")
            List<UUID> rangeIds,

            @Schema(examples = "no range for male patients from 0 days to no upper limit")
            String text) {

        static CoverageWarningView of(RangeImportService.CoverageWarning w) {
            if (w.gap().isPresent()) {
                GapView gap = CoverageView.gap(w.gap().get());
                return new CoverageWarningView(
                        w.analyteCode(),
                        w.sourceCode(),
                        w.category(),
                        "GAP",
                        gap.sex(),
                        gap.from(),
                        gap.to(),
                        List.of(),
                        gap.text());
            }
            OverlapView overlap = CoverageView.overlap(w.overlap().orElseThrow());
            return new CoverageWarningView(
                    w.analyteCode(),
                    w.sourceCode(),
                    w.category(),
                    "OVERLAP",
                    overlap.sex(),
                    overlap.from(),
                    overlap.to(),
                    overlap.rangeIds(),
                    overlap.text());
        }
    }

    @Schema(
            name = "Catalogue",
            description = "The catalogue as it stands (analytes in use at their current revision, every source, the "
                    + "latest revision of every live range), in the shape a catalogue import takes")
    public record CatalogueView(
            List<Requests.AnalyteDraft> analytes,
            List<Requests.SourceDraft> sources,
            List<Requests.RangeDraft> ranges) {
        static CatalogueView of(CatalogueDocumentService.CatalogueContent content) {
            return new CatalogueView(
                    content.analytes().stream()
                            .map(r -> Requests.AnalyteDraft.of(r.analyte()))
                            .toList(),
                    content.sources().stream().map(Requests.SourceDraft::of).toList(),
                    content.ranges().stream().map(Requests.RangeDraft::of).toList());
        }
    }

    @Schema(name = "CatalogueItem", description = "What a catalogue import does with one analyte or source")
    public record CatalogueItemView(
            @Schema(description = "Position in the list sent")
            int index,

            String code,

            @Schema(description = "CREATE, REVISE or UNCHANGED")
            String action,

            @Schema(
                    description = "The analyte revision written, or in effect when unchanged; absent for sources",
                    nullable = true)
            Integer revision) {
        static CatalogueItemView of(CatalogueDocumentService.ItemOutcome o) {
            return new CatalogueItemView(
                    o.index(), o.code(), o.action().name(), o.revision().orElse(null));
        }
    }

    @Schema(name = "CatalogueImportCounts", description = "How many items of one kind each action applies to")
    public record CatalogueCounts(long created, long revised, long unchanged) {}

    @Schema(
            name = "CatalogueImportReport",
            description = "What a catalogue import did, or would do with dryRun=true (then nothing was written)")
    public record CatalogueImportReport(
            boolean dryRun,

            @Schema(
                    description = "For a dry run, the version it was computed at: apply with this in If-Match to "
                            + "write exactly what it reports. After an apply, the version the import left.",
                    examples = "412-3f9a0c21")
            String catalogueVersion,

            CatalogueCounts analyteCounts,
            CatalogueCounts sourceCounts,
            CatalogueCounts rangeCounts,
            List<CatalogueItemView> analytes,
            List<CatalogueItemView> sources,

            @Schema(description = "As in a range import; a range a dry run would create has no id yet")
            List<ImportItemView> ranges,

            @Schema(description = "Gaps and overlaps the import creates in the coverage of the analytes of its ranges")
            List<CoverageWarningView> warnings) {}

    @Schema(name = "AgeBound", description = "An age as a range states it; value null means no upper limit")
    public record AgeView(@Schema(nullable = true) Integer value, AgeUnit unit) {
        static AgeView of(RangeCoverage.Age age) {
            return new AgeView(age.value().orElse(null), age.unit());
        }

        String text() {
            return value == null ? "no upper limit" : value + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Schema(name = "CoverageGap", description = "Patients of this sex aged [from, to) have no range")
    public record GapView(Sex sex, AgeView from, AgeView to, String text) {}

    @Schema(
            name = "CoverageOverlap",
            description = "Patients of this sex aged [from, to) match every listed range; the interpretation service "
                    + "picks one by its selection rule (the most specific population, then the narrower range, then "
                    + "the stricter bounds, then the lowest range id). ambiguous: the ranges are equally specific "
                    + "about sex, so only the tie-breaks decide")
    public record OverlapView(Sex sex, AgeView from, AgeView to, List<UUID> rangeIds, boolean ambiguous, String text) {}

    @Schema(name = "CoverageGroup", description = "One source and category")
    public record CoverageGroupView(
            String sourceCode,
            Category category,
            List<GapView> gaps,
            List<OverlapView> overlaps,

            @Schema(
                    description = "Ranges with a condition or method: they apply on top of the general ones and are "
                            + "not counted")
            List<UUID> conditionalRangeIds) {}

    @Schema(
            name = "Coverage",
            description = "Gaps and overlaps between the age and sex bands of an analyte's active ranges in effect on "
                    + "a date as known at an instant, per source and category")
    public record CoverageView(
            String analyteCode, LocalDate effectiveOn, Instant knownAt, List<CoverageGroupView> groups) {
        public static CoverageView of(RangeService.Coverage c) {
            return new CoverageView(
                    c.analyteCode(),
                    c.on(),
                    c.knownAt(),
                    c.groups().stream().map(CoverageView::group).toList());
        }

        private static CoverageGroupView group(RangeCoverage.Group g) {
            return new CoverageGroupView(
                    g.sourceCode(),
                    g.category(),
                    g.gaps().stream().map(CoverageView::gap).toList(),
                    g.overlaps().stream().map(CoverageView::overlap).toList(),
                    g.conditional());
        }

        static GapView gap(RangeCoverage.Gap g) {
            AgeView from = AgeView.of(g.from());
            AgeView to = AgeView.of(g.to());
            return new GapView(g.sex(), from, to, "no range for " + patients(g.sex(), from, to));
        }

        static OverlapView overlap(RangeCoverage.Overlap o) {
            AgeView from = AgeView.of(o.from());
            AgeView to = AgeView.of(o.to());
            return new OverlapView(
                    o.sex(),
                    from,
                    to,
                    o.rangeIds(),
                    o.ambiguous(),
                    patients(o.sex(), from, to) + " match " + o.rangeIds().size() + " ranges"
                            + (o.ambiguous() ? " equally specific about sex" : ""));
        }

        /** e.g. "female patients from 0 days to 18 years". */
        private static String patients(Sex sex, AgeView from, AgeView to) {
            return sex.name().toLowerCase(java.util.Locale.ROOT) + " patients from " + from.text() + " to " + to.text();
        }
    }
}
