package org.labrange.gateway.api.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of interpretation-service, passed on unchanged by the gateway. */
public final class InterpretationSchemas {

    private InterpretationSchemas() {}

    static final String KNOWN_AT = "Reproducibility: the instant the ranges are taken as known. Every source's range "
            + "is the revision recorded at or before this instant that was in effect on the collection date; "
            + "revisions, retirements and sources recorded later do not exist for this answer. Omitted: the "
            + "ranges known now. Send back `basis.knownAt` of an earlier answer to reproduce it.";

    static final String BASIS =
            "Reproducibility: the knownAt and change-feed position this answer was computed " + "from (see Basis)";

    @Schema(
            name = "Basis",
            description = "Reproducibility: what the answer was computed from. Sending `knownAt` back as the "
                    + "request's `knownAt` reproduces the answer.",
            requiredProperties = {"knownAt", "requested", "changeFeedPosition"})
    public record Basis(
            @Schema(
                    description = "The instant the ranges were taken as known: the requested knownAt, or when none "
                            + "was given the recordedAt of the latest range change the service knew")
            Instant knownAt,

            @Schema(description = "True when knownAt was given in the request")
            boolean requested,

            @Schema(
                    description = "Position in the change feed (sequence) of the latest range change included; "
                            + "null when knownAt precedes every change",
                    nullable = true)
            Long changeFeedPosition) {}

    @Schema(name = "PatientSex", description = "FEMALE, MALE or UNKNOWN (also F, M, U)")
    public enum PatientSex {
        FEMALE,
        MALE,
        UNKNOWN,
        F,
        M,
        U
    }

    @Schema(name = "PatientInput", description = "Sex and age. Age is taken at each result's collection date.")
    public record PatientInput(
            PatientSex sex,

            @Schema(description = "ISO-8601 date", examples = "1970-05-01")
            LocalDate birthDate,

            @Schema(
                    description = "ISO-8601 period, used when birthDate is absent; taken as the age at collection",
                    examples = "P56Y")
            String age) {}

    @Schema(
            name = "ResultInput",
            description = "One result as the lab reported it",
            requiredProperties = {"analyte", "value", "unit"})
    public record ResultInput(
            @Schema(description = "Caller's id, echoed back; default r1, r2… by position", examples = "s1")
            String id,

            @Schema(description = "Analyte code (LOINC) or alias", examples = "B2M")
            String analyte,

            @Schema(
                    description = "Specimen; needed when an alias names analytes in several specimens",
                    examples = "serum")
            String specimen,

            @Schema(description = "A number, or a censored value such as <0.2, >100, <=0.2, >=100", examples = "2.45")
            String value,

            @Schema(description = "Unit as written: mg/L, mcg/mL, µg/L, ng/mL, nmol/L, mg/dL…", examples = "mg/L")
            String unit,

            @Schema(description = "ISO-8601 instant or date; default now", examples = "2026-11-20T08:00:00Z")
            String collectedAt,

            @Schema(description = "Analytical method; selects method-specific ranges")
            String method,

            @Schema(description = "Earlier results of this analyte for this patient (delta check)")
            List<PreviousInput> previous) {}

    @Schema(
            name = "PreviousInput",
            description = "An earlier result of the same analyte",
            requiredProperties = {"value", "unit", "collectedAt"})
    public record PreviousInput(
            @Schema(examples = "1.9") String value,
            @Schema(examples = "mg/L") String unit,
            @Schema(examples = "2026-05-01T08:00:00Z") String collectedAt) {}

    @Schema(
            name = "InterpretationRequest",
            description = "Results of one patient to interpret (a batch of up to 10,000)",
            requiredProperties = {"results"})
    public record InterpretationRequest(
            PatientInput patient,

            @Schema(
                    description = "Source codes to evaluate against; omitted or empty: every source with a reference "
                            + "range for the analyte")
            List<String> sources,

            @Schema(minItems = 1, maxItems = 10000) List<ResultInput> results,
            @Schema(description = KNOWN_AT) Instant knownAt) {}

    @Schema(
            name = "SingleInterpretationRequest",
            description = "One result to interpret; a result that cannot be interpreted is answered 422",
            requiredProperties = {"result"})
    public record SingleInterpretationRequest(
            PatientInput patient,

            @Schema(description = "Source codes; omitted: every source with a reference range")
            List<String> sources,

            ResultInput result,
            @Schema(description = KNOWN_AT) Instant knownAt) {}

    @Schema(
            name = "RangesState",
            description = "Which state of the ranges service the answer rests on",
            requiredProperties = {"changeSequence", "confirmedAt", "stale"})
    public record RangesState(
            @Schema(description = "Highest change sequence of the ranges service known")
            long changeSequence,

            @Schema(description = "Last time the ranges service confirmed that sequence", nullable = true)
            Instant confirmedAt,

            @Schema(
                    description = "True when the latest change check failed and cached ranges (within the staleness "
                            + "bound) were used")
            boolean stale) {}

    @Schema(
            name = "ResultStatus",
            description = "INTERPRETED, NO_RANGE (no flag; notEvaluated says why) or REJECTED " + "(problems says why)")
    public enum ResultStatus {
        INTERPRETED,
        NO_RANGE,
        REJECTED
    }

    @Schema(
            name = "InterpretedResult",
            description = "One result and its interpretation by every source",
            requiredProperties = {
                "id",
                "status",
                "analyte",
                "value",
                "collectionDate",
                "interpretations",
                "notEvaluated",
                "agreement",
                "associations",
                "associationsOnFile",
                "delta",
                "problems"
            })
    public record InterpretedResult(
            @Schema(examples = "s1") String id,
            ResultStatus status,

            @Schema(nullable = true, description = "null when the analyte was not recognised")
            AnalyteRef analyte,

            @Schema(nullable = true, description = "null when the value could not be read")
            Value value,

            @Schema(
                    description = "Date (in the service's time zone) used to pick the ranges in effect",
                    nullable = true)
            LocalDate collectionDate,

            List<SourceInterpretation> interpretations,
            List<NotEvaluated> notEvaluated,
            @Schema(nullable = true) Agreement agreement,
            List<Association> associations,

            @Schema(
                    description = "Whether any clinical association is on file for this analyte (by its LOINC code); "
                            + "false means an empty associations list says nothing either way")
            boolean associationsOnFile,

            @Schema(
                    description = "Said out loud when an interpreted result's analyte has no associations on file; "
                            + "absent otherwise")
            String associationsNote,

            @Schema(nullable = true, description = "null when no earlier result was given")
            Delta delta,

            List<ResultProblem> problems) {}

    @Schema(
            name = "AnalyteRef",
            requiredProperties = {"code", "displayName", "specimen"})
    public record AnalyteRef(
            @Schema(examples = "1952-1") String code, String displayName, AnalyteSchemas.Specimen specimen) {}

    @Schema(
            name = "ResultValue",
            requiredProperties = {
                "input",
                "inputUnit",
                "comparator",
                "normalised",
                "unit",
                "conversionFactor",
                "viaMolarMass"
            })
    public record Value(
            @Schema(examples = "2.45") String input,
            @Schema(examples = "mg/L") String inputUnit,

            @Schema(description = "<, <=, > or >= for a censored value", nullable = true)
            String comparator,

            @Schema(description = "Value in the analyte's canonical unit", nullable = true)
            Double normalised,

            String unit,

            @Schema(description = "input × factor = normalised", nullable = true)
            Double conversionFactor,

            @Schema(description = "Whether the analyte's molar mass was used")
            boolean viaMolarMass) {}

    @Schema(
            name = "SourceInterpretation",
            description = "One source's flag for a result and the exact range revision it rests on",
            requiredProperties = {
                "source",
                "flag",
                "flagDisplay",
                "range",
                "selectionRule",
                "position",
                "critical",
                "optimal",
                "note"
            })
    public record SourceInterpretation(
            @Schema(examples = "labcorp") String source,

            @Schema(description = "HL7 v3 ObservationInterpretation code", examples = "H")
            String flag,

            @Schema(examples = "High") String flagDisplay,
            RangeUsed range,

            @Schema(description = "Which rule picked this range among the applicable ones")
            String selectionRule,

            Position position,
            @Schema(nullable = true) Critical critical,
            @Schema(nullable = true) Optimal optimal,
            @Schema(nullable = true) String note) {}

    @Schema(
            name = "RangeUsed",
            description = "The exact range revision applied; bounds in the analyte's canonical unit",
            requiredProperties = {
                "rangeId",
                "revision",
                "category",
                "low",
                "lowInclusive",
                "high",
                "highInclusive",
                "unit",
                "text",
                "sourceUnit",
                "population",
                "effectiveFrom",
                "effectiveTo"
            })
    public record RangeUsed(
            UUID rangeId,
            int revision,
            RangeSchemas.Category category,
            @Schema(nullable = true) Double low,
            boolean lowInclusive,
            @Schema(nullable = true) Double high,
            boolean highInclusive,
            String unit,
            @Schema(examples = "0.6–2.4 mg/L") String text,

            @Schema(description = "The unit the source published the range in")
            String sourceUnit,

            RangePopulation population,
            LocalDate effectiveFrom,
            @Schema(nullable = true) LocalDate effectiveTo) {}

    @Schema(
            name = "RangePopulation",
            requiredProperties = {"sex", "ageMin", "ageMax", "ageUnit", "condition", "method"})
    public record RangePopulation(
            RangeSchemas.Sex sex,
            @Schema(nullable = true) Double ageMin,
            @Schema(nullable = true) Double ageMax,
            RangeSchemas.AgeUnit ageUnit,
            @Schema(nullable = true) String condition,
            @Schema(nullable = true) String method) {}

    @Schema(
            name = "Position",
            requiredProperties = {"multipleOfUpperLimit", "percentThroughRange"})
    public record Position(
            @Schema(description = "value ÷ upper limit", nullable = true)
            Double multipleOfUpperLimit,

            @Schema(description = "(value − low) ÷ (high − low) × 100", nullable = true)
            Double percentThroughRange) {}

    @Schema(
            name = "Critical",
            requiredProperties = {"flag", "range", "selectionRule"})
    public record Critical(
            @Schema(description = "LL, HH or null when not crossed", nullable = true)
            String flag,

            RangeUsed range,
            String selectionRule) {}

    @Schema(name = "OptimalStatus")
    public enum OptimalStatus {
        OPTIMAL,
        BELOW_OPTIMAL,
        ABOVE_OPTIMAL,
        UNDETERMINED
    }

    @Schema(
            name = "Optimal",
            requiredProperties = {"status", "range", "selectionRule"})
    public record Optimal(OptimalStatus status, RangeUsed range, String selectionRule) {}

    @Schema(
            name = "NotEvaluated",
            description = "A source that was not evaluated for a result, and why",
            requiredProperties = {"source", "reason"})
    public record NotEvaluated(String source, String reason) {}

    @Schema(
            name = "Agreement",
            description = "How the sources' flags for one result compare",
            requiredProperties = {"unanimous", "flags", "summary"})
    public record Agreement(
            boolean unanimous,

            @Schema(description = "Each source's flag, by source code")
            Map<String, String> flags,

            String summary) {}

    @Schema(
            name = "Citation",
            requiredProperties = {"id", "text", "doi"})
    public record Citation(
            String id, String text, @Schema(nullable = true) String doi) {}

    @Schema(
            name = "Association",
            description = "A clinical association the flags of a result trigger",
            requiredProperties = {"id", "text", "conditions", "citation", "citations", "basis"})
    public record Association(
            String id,
            String text,
            List<String> conditions,

            @Schema(description = "The citations joined in one text")
            String citation,

            List<Citation> citations,

            @Schema(description = "Which sources' flags triggered the entry")
            String basis) {}

    @Schema(
            name = "Delta",
            description = "Change against the patient's earlier result (delta check)",
            requiredProperties = {
                "possible",
                "reason",
                "previousValue",
                "previousCollectedAt",
                "change",
                "percentChange",
                "rcvPercent",
                "significant",
                "flag"
            })
    public record Delta(
            boolean possible,

            @Schema(nullable = true, description = "Why no delta could be computed")
            String reason,

            @Schema(nullable = true) String previousValue,
            @Schema(nullable = true) Instant previousCollectedAt,
            @Schema(nullable = true) Double change,
            @Schema(nullable = true) Double percentChange,

            @Schema(nullable = true, description = "√2 · 1.96 · √(CVa² + CVi²), in %")
            Double rcvPercent,

            boolean significant,

            @Schema(nullable = true, description = "U or D when the change exceeds the RCV")
            String flag) {}

    @Schema(
            name = "ResultProblem",
            description = "Why a result was rejected",
            requiredProperties = {"type", "field", "reason"})
    public record ResultProblem(
            @Schema(format = "uri") String type,
            @Schema(examples = "value") String field,
            String reason) {}

    @Schema(
            name = "Pattern",
            description = "A pattern across the results of the patient",
            requiredProperties = {"id", "text", "resultIds", "citation", "citations", "basis"})
    public record Pattern(
            String id, String text, List<String> resultIds, String citation, List<Citation> citations, String basis) {}

    @Schema(
            name = "InterpretationResponse",
            description = "Interpretation of every result, in request order, plus patterns across them",
            requiredProperties = {"rulesVersion", "evaluatedAt", "ranges", "results", "patterns"})
    public record InterpretationResponse(
            @Schema(description = "Version of the clinical rules file used", examples = "2026.11.1")
            String rulesVersion,

            Instant evaluatedAt,
            RangesState ranges,
            @Schema(description = BASIS, required = true) Basis basis,
            List<InterpretedResult> results,
            List<Pattern> patterns) {}

    @Schema(
            name = "CompactVerdict",
            description = "One source's flag and the range revision that produced it",
            requiredProperties = {"source", "flag", "rangeId", "revision", "range"})
    public record CompactVerdict(
            String source,

            @Schema(description = "HL7 v3 ObservationInterpretation code", examples = "H")
            String flag,

            UUID rangeId,
            int revision,

            @Schema(description = "The bounds in the canonical unit", examples = "0.6–2.4 mg/L")
            String range,

            @Schema(description = "LL or HH when a critical limit is crossed; absent otherwise")
            String critical) {}

    @Schema(
            name = "CompactResult",
            description = "One result in the compact view; empty and null members are left out",
            requiredProperties = {"id", "status"})
    public record CompactResult(
            String id,
            ResultStatus status,
            @Schema(description = "Analyte code") String analyte,

            @Schema(description = "Value in the analyte's canonical unit")
            Double value,

            @Schema(description = "<, <=, > or >= for a censored value")
            String comparator,

            String unit,
            LocalDate collectionDate,
            List<CompactVerdict> interpretations,
            List<NotEvaluated> notEvaluated,

            @Schema(description = "Whether every evaluated source gave the same flag")
            Boolean unanimous,

            @Schema(description = "Ids of the associations the flags trigger")
            List<String> associations,

            @Schema(description = "Whether any clinical association is on file for this analyte")
            Boolean associationsOnFile,

            Delta delta,
            List<ResultProblem> problems) {}

    @Schema(
            name = "CompactInterpretationResponse",
            description = "view=compact: flags and exact range revisions, without the texts the full view repeats "
                    + "for every result; empty and null members are left out",
            requiredProperties = {"rulesVersion", "evaluatedAt", "ranges", "results"})
    public record CompactInterpretationResponse(
            String rulesVersion,
            Instant evaluatedAt,
            RangesState ranges,
            @Schema(description = BASIS, required = true) Basis basis,
            List<CompactResult> results,
            List<Pattern> patterns) {}

    @Schema(
            name = "SingleInterpretationResponse",
            description = "One result and its interpretation by every source (the answer of /interpretations/single)",
            requiredProperties = {
                "id",
                "status",
                "analyte",
                "value",
                "collectionDate",
                "interpretations",
                "notEvaluated",
                "agreement",
                "associations",
                "associationsOnFile",
                "delta",
                "problems"
            })
    public record SingleInterpretationResponse(
            @Schema(examples = "s1") String id,

            @Schema(description = "INTERPRETED or NO_RANGE; a rejected result is answered 422")
            ResultStatus status,

            AnalyteRef analyte,
            Value value,

            @Schema(description = "Date (in the service's time zone) used to pick the ranges in effect")
            LocalDate collectionDate,

            List<SourceInterpretation> interpretations,
            List<NotEvaluated> notEvaluated,
            @Schema(nullable = true) Agreement agreement,
            List<Association> associations,

            @Schema(
                    description = "Whether any clinical association is on file for this analyte (by its LOINC code); "
                            + "false means an empty associations list says nothing either way")
            boolean associationsOnFile,

            @Schema(
                    description = "Said out loud when an interpreted result's analyte has no associations on file; "
                            + "absent otherwise")
            String associationsNote,

            @Schema(nullable = true, description = "null when no earlier result was given")
            Delta delta,

            @Schema(description = "Empty: a result with problems is answered 422")
            List<ResultProblem> problems,

            @Schema(description = BASIS, required = true) Basis basis) {}
}
