package org.labrange.gateway.api.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.gateway.api.schema.AnalyteSchemas.Analyte;
import org.labrange.gateway.api.schema.InterpretationSchemas.Agreement;
import org.labrange.gateway.api.schema.InterpretationSchemas.AnalyteRef;
import org.labrange.gateway.api.schema.InterpretationSchemas.Association;
import org.labrange.gateway.api.schema.InterpretationSchemas.Basis;
import org.labrange.gateway.api.schema.InterpretationSchemas.Delta;
import org.labrange.gateway.api.schema.InterpretationSchemas.NotEvaluated;
import org.labrange.gateway.api.schema.InterpretationSchemas.Pattern;
import org.labrange.gateway.api.schema.InterpretationSchemas.RangeUsed;
import org.labrange.gateway.api.schema.InterpretationSchemas.RangesState;
import org.labrange.gateway.api.schema.InterpretationSchemas.ResultProblem;
import org.labrange.gateway.api.schema.InterpretationSchemas.ResultStatus;
import org.labrange.gateway.api.schema.InterpretationSchemas.SourceInterpretation;
import org.labrange.gateway.api.schema.InterpretationSchemas.Value;
import org.labrange.gateway.api.schema.RangeSchemas.RangeRevision;
import org.labrange.gateway.api.schema.RangeSchemas.SourceKind;

/** Bodies the gateway assembles itself: reports and analyte overviews, typed down to the upstream parts. */
public final class ReportSchemas {

    private ReportSchemas() {}

    @Schema(
            name = "WarningSeverity",
            description = "CLINICAL warnings make a report incomplete; NOTICE ones concern " + "provenance only")
    public enum Severity {
        CLINICAL,
        NOTICE
    }

    @Schema(
            name = "Warning",
            description = "Something a reader must know is missing or doubtful",
            requiredProperties = {"code", "severity", "message", "resultId"})
    public record Warning(
            @Schema(description = "Stable machine-readable code", examples = "no-range")
            String code,

            Severity severity,

            @Schema(description = "What is missing and why, in words")
            String message,

            @Schema(description = "The result concerned, when there is one", nullable = true)
            String resultId) {}

    @Schema(
            name = "ReportPatient",
            description = "The patient as given in the request (id is the caller's own, never sent upstream)",
            requiredProperties = {"id", "sex", "birthDate", "age"})
    public record PatientSummary(
            @Schema(nullable = true) String id,
            @Schema(nullable = true) String sex,
            @Schema(nullable = true) String birthDate,
            @Schema(nullable = true) String age) {}

    @Schema(
            name = "RangeHistory",
            description = "A range used for a result, side by side with the other sources' ranges",
            requiredProperties = {
                "source",
                "sourceName",
                "sourceKind",
                "rangeId",
                "revisionUsed",
                "latestRevision",
                "usedRevisionIsLatest",
                "rangeUsed",
                "revisions"
            })
    public record RangeHistory(
            String source,
            @Schema(nullable = true) String sourceName,
            @Schema(nullable = true) SourceKind sourceKind,
            UUID rangeId,

            @Schema(description = "The revision the interpretation applied")
            int revisionUsed,

            @Schema(
                    description = "The newest revision known now; null when the history could not be read",
                    nullable = true)
            Integer latestRevision,

            @Schema(description = "False when the range has been revised since (possibly for a later date)")
            boolean usedRevisionIsLatest,

            @Schema(nullable = true) RangeUsed rangeUsed,

            @Schema(description = "The full history, oldest first (empty when it could not be read)")
            List<RangeRevision> revisions) {}

    @Schema(
            name = "ReportResult",
            description = "One result with its interpretation per source and the ranges used, each with its history",
            requiredProperties = {
                "id",
                "status",
                "collectedAt",
                "collectionDate",
                "analyte",
                "value",
                "interpretations",
                "ranges",
                "notEvaluated",
                "agreement",
                "delta",
                "associations",
                "problems"
            })
    public record ResultEntry(
            String id,
            ResultStatus status,

            @Schema(description = "When the result was collected, as given", nullable = true)
            String collectedAt,

            @Schema(nullable = true) LocalDate collectionDate,
            @Schema(nullable = true) AnalyteRef analyte,
            @Schema(nullable = true) Value value,
            List<SourceInterpretation> interpretations,
            List<RangeHistory> ranges,
            List<NotEvaluated> notEvaluated,
            @Schema(nullable = true) Agreement agreement,
            @Schema(nullable = true) Delta delta,
            List<Association> associations,
            List<ResultProblem> problems) {}

    @Schema(
            name = "Disagreement",
            description = "Sources that flag one result differently",
            requiredProperties = {"resultId", "analyteCode", "flags", "summary"})
    public record Disagreement(
            String resultId,
            @Schema(nullable = true) String analyteCode,

            @Schema(description = "Each source's flag, by source code")
            Map<String, String> flags,

            String summary) {}

    @Schema(
            name = "DeltaCheck",
            description = "A change against the patient's earlier results",
            requiredProperties = {"resultId", "analyteCode", "delta"})
    public record DeltaCheck(
            String resultId,
            @Schema(nullable = true) String analyteCode,
            @Schema(nullable = true) Delta delta) {}

    @Schema(
            name = "ServiceVersion",
            requiredProperties = {"name", "version"})
    public record ServiceVersion(
            @Schema(examples = "interpretation-service") String name,

            @Schema(description = "null when the service did not tell", nullable = true)
            String version) {}

    @Schema(
            name = "RangeRevisionRef",
            description = "A range revision the report relied on",
            requiredProperties = {"source", "analyteCode", "rangeId", "revision", "effectiveFrom", "recordedAt"})
    public record RangeRevisionRef(
            String source,
            @Schema(nullable = true) String analyteCode,
            UUID rangeId,
            int revision,
            @Schema(nullable = true) LocalDate effectiveFrom,
            @Schema(nullable = true) Instant recordedAt) {}

    @Schema(
            name = "Provenance",
            description = "What produced the report",
            requiredProperties = {
                "requestId",
                "requestedAt",
                "completedAt",
                "evaluatedAt",
                "rulesVersion",
                "rangesState",
                "services",
                "rangeRevisions"
            })
    public record Provenance(
            @Schema(description = "The correlation id of the request")
            String requestId,

            Instant requestedAt,
            Instant completedAt,

            @Schema(description = "When interpretation-service evaluated the results", nullable = true)
            Instant evaluatedAt,

            @Schema(nullable = true) String rulesVersion,

            @Schema(
                    description = "What interpretation-service says about the ranges it used (change sequence, when "
                            + "confirmed, whether its copy was stale)",
                    nullable = true)
            RangesState rangesState,

            List<ServiceVersion> services,
            List<RangeRevisionRef> rangeRevisions,

            @Schema(description = InterpretationSchemas.BASIS, required = true)
            Basis basis) {}

    @Schema(
            name = "Report",
            description = "One report for a patient's panel",
            requiredProperties = {
                "reportId",
                "patient",
                "complete",
                "warnings",
                "results",
                "disagreements",
                "patterns",
                "deltaChecks",
                "provenance"
            })
    public record Report(
            @Schema(description = "The reportId of the request, or a generated one")
            String reportId,

            PatientSummary patient,

            @Schema(
                    description = "False when any CLINICAL warning is present: the report must not be read as a full "
                            + "answer (also in the X-Report-Complete header)")
            boolean complete,

            List<Warning> warnings,
            List<ResultEntry> results,
            List<Disagreement> disagreements,
            List<Pattern> patterns,
            List<DeltaCheck> deltaChecks,
            Provenance provenance,

            @Schema(description = InterpretationSchemas.BASIS, required = true)
            Basis basis) {}

    @Schema(
            name = "LastRevision",
            description = "The newest revision of a range",
            requiredProperties = {
                "revision",
                "status",
                "effectiveFrom",
                "recordedAt",
                "recordedBy",
                "reason",
                "scheduled"
            })
    public record LastRevision(
            int revision,
            @Schema(nullable = true) RangeSchemas.RangeStatus status,
            @Schema(nullable = true) LocalDate effectiveFrom,
            @Schema(nullable = true) Instant recordedAt,
            @Schema(nullable = true) String recordedBy,
            @Schema(nullable = true) String reason,

            @Schema(description = "True when the last revision only takes effect after today")
            boolean scheduled) {}

    @Schema(
            name = "RangeSummary",
            requiredProperties = {"current", "revisionCount", "lastRevision"})
    public record RangeSummary(
            @Schema(description = "The revision in effect") RangeRevision current,

            @Schema(
                    description = "How many revisions the range has; null when its history could not be read",
                    nullable = true)
            Integer revisionCount,

            @Schema(description = "null when its history could not be read", nullable = true)
            LastRevision lastRevision) {}

    @Schema(
            name = "SourceRanges",
            description = "One source and its ranges in effect",
            requiredProperties = {"sourceCode", "name", "kind", "citation", "ranges"})
    public record SourceRanges(
            String sourceCode,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) SourceKind kind,
            @Schema(nullable = true) String citation,
            List<RangeSummary> ranges) {}

    @Schema(
            name = "AnalyteOverview",
            description = "Every source's current ranges for an analyte, side by side",
            requiredProperties = {"analyte", "generatedAt", "sources", "sourcesWithoutRanges", "warnings"})
    public record AnalyteOverview(
            Analyte analyte,
            Instant generatedAt,
            List<SourceRanges> sources,

            @Schema(description = "Known sources with no range in effect")
            List<String> sourcesWithoutRanges,

            List<Warning> warnings) {}

    @Schema(
            name = "ReportPatientInput",
            description = "The patient; id is yours, echoed in the report and never sent to other services")
    public record PatientInput(
            @Schema(examples = "patient-0042") String id,
            InterpretationSchemas.PatientSex sex,
            @Schema(examples = "1970-05-01") LocalDate birthDate,

            @Schema(description = "ISO-8601 period used when birthDate is absent", examples = "P56Y")
            String age) {}

    @Schema(
            name = "ReportRequest",
            description = "An interpretation batch request plus optional reportId and patient.id",
            requiredProperties = {"results"})
    public record ReportRequest(
            @Schema(description = "Your id for the report; generated when absent", examples = "rep-2026-11-20-0042")
            String reportId,

            PatientInput patient,

            @Schema(description = "Source codes to compare; default every source with an applicable range")
            List<String> sources,

            @Schema(description = "The panel: at least one result; every result needs an id", minItems = 1)
            List<InterpretationSchemas.ResultInput> results,

            @Schema(description = InterpretationSchemas.KNOWN_AT)
            Instant knownAt) {}
}
