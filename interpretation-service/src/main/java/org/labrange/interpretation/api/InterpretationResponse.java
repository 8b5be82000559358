package org.labrange.interpretation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Interpretation of every result, in request order, plus patterns across them.")
public record InterpretationResponse(
        @Schema(description = "Version of the clinical rules file used")
        String rulesVersion,

        Instant evaluatedAt,

        @Schema(description = "Which state of the ranges service the answer rests on")
        RangesInfo ranges,

        @Schema(description = "What the answer was computed from; send basis.knownAt as knownAt to reproduce it")
        BasisView basis,

        List<ResultView> results,

        @Schema(description = "Patterns across the results of this patient")
        List<PatternView> patterns) {

    @Schema(
            name = "Basis",
            description = "The knowledge an answer was computed from. Sending knownAt back as the request's knownAt "
                    + "reproduces the answer (flags, ranges, revisions, agreement, patterns).")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BasisView(
            @Schema(
                    description = "The knownAt asked for; when none was, the moment the latest range change used was "
                            + "recorded",
                    example = "2026-11-21T10:00:00Z",
                    format = "date-time",
                    required = true)
            Instant knownAt,

            @Schema(description = "True when the request gave knownAt", required = true)
            boolean requested,

            @Schema(
                    description = "Change-feed position (sequence) of the latest range change included; null when "
                            + "none was (knownAt precedes every change, or no result needed ranges)",
                    nullable = true,
                    example = "4")
            Long changeFeedPosition) {}

    public record RangesInfo(
            @Schema(description = "Highest change sequence of the ranges service known")
            long changeSequence,

            @Schema(description = "Last time the ranges service confirmed that sequence")
            Instant confirmedAt,

            @Schema(
                    description = "True when the latest change check failed and cached ranges (within the "
                            + "staleness bound) were used")
            boolean stale) {}

    public record ResultView(
            String id,

            @Schema(description = "INTERPRETED, NO_RANGE (no flag; notEvaluated says why) or REJECTED (see problems)")
            String status,

            AnalyteView analyte,
            ValueView value,

            @Schema(description = "Date (in the service's time zone) used to pick the ranges in effect")
            String collectionDate,

            List<InterpretationView> interpretations,
            List<NotEvaluatedView> notEvaluated,
            AgreementView agreement,
            List<AssociationView> associations,

            @Schema(
                    description = "Whether any clinical association is on file for this analyte (by its LOINC code); "
                            + "false means an empty associations list says nothing either way")
            boolean associationsOnFile,

            @Schema(
                    description = "Said out loud when an interpreted result's analyte has no associations on file",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String associationsNote,

            DeltaView delta,
            List<ProblemView> problems,

            @Schema(
                    description = "Only in the answer of /single (a batch states it once, at the top): what the "
                            + "answer was computed from",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL)
            BasisView basis) {}

    public record AnalyteView(String code, String displayName, String specimen) {}

    public record ValueView(
            String input,
            String inputUnit,

            @Schema(description = "<, <=, > or >= for a censored value")
            String comparator,

            @Schema(description = "Value in the analyte's canonical unit")
            Double normalised,

            String unit,

            @Schema(description = "input × factor = normalised")
            Double conversionFactor,

            @Schema(description = "Whether the analyte's molar mass was used")
            boolean viaMolarMass) {}

    public record InterpretationView(
            String source,

            @Schema(description = "HL7 v3 ObservationInterpretation code", example = "H")
            String flag,

            String flagDisplay,
            RangeView range,

            @Schema(description = "Which rule picked this range among the applicable ones")
            String selectionRule,

            PositionView position,
            CriticalView critical,
            OptimalView optimal,
            String note) {}

    @Schema(description = "The exact range revision applied; bounds in the analyte's canonical unit")
    public record RangeView(
            String rangeId,
            int revision,
            String category,
            Double low,
            boolean lowInclusive,
            Double high,
            boolean highInclusive,
            String unit,
            String text,
            String sourceUnit,
            PopulationView population,
            String effectiveFrom,
            String effectiveTo) {}

    public record PopulationView(
            String sex, Double ageMin, Double ageMax, String ageUnit, String condition, String method) {}

    public record PositionView(
            @Schema(description = "value ÷ upper limit") Double multipleOfUpperLimit,

            @Schema(description = "(value − low) ÷ (high − low) × 100")
            Double percentThroughRange) {}

    public record CriticalView(
            @Schema(description = "LL, HH or null when not crossed")
            String flag,

            RangeView range,
            String selectionRule) {}

    public record OptimalView(
            @Schema(description = "OPTIMAL, BELOW_OPTIMAL, ABOVE_OPTIMAL or UNDETERMINED")
            String status,

            RangeView range,
            String selectionRule) {}

    public record NotEvaluatedView(String source, String reason) {}

    public record AgreementView(boolean unanimous, Map<String, String> flags, String summary) {}

    public record CitationView(String id, String text, String doi) {}

    public record AssociationView(
            String id,
            String text,
            List<String> conditions,
            String citation,
            List<CitationView> citations,

            @Schema(description = "Which sources' flags triggered the entry")
            String basis) {}

    public record DeltaView(
            boolean possible,
            String reason,
            String previousValue,
            Instant previousCollectedAt,
            Double change,
            Double percentChange,

            @Schema(description = "√2 · 1.96 · √(CVa² + CVi²), in %")
            Double rcvPercent,

            boolean significant,

            @Schema(description = "U or D when the change exceeds the RCV")
            String flag) {}

    public record ProblemView(String type, String field, String reason) {}

    public record PatternView(
            String id,
            String text,
            List<String> resultIds,
            String citation,
            List<CitationView> citations,
            String basis) {}
}
