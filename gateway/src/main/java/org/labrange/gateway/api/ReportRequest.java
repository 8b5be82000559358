package org.labrange.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The documented shape of a report request: the interpretation batch request plus the
 * gateway-only {@code reportId} and {@code patient.id}. The gateway reads the body as JSON and
 * passes every other field on unchanged, so fields added to the batch request keep working.
 */
@Schema(name = "ReportRequest", description = "An interpretation batch request plus optional reportId and patient.id")
public record ReportRequest(
        @Schema(description = "Your id for the report; generated when absent", example = "rep-2026-11-20-0042")
        String reportId,

        Patient patient,

        @Schema(description = "Source codes to compare; default every source with an applicable range")
        List<String> sources,

        @Schema(required = true, description = "The panel: at least one result")
        List<Result> results,

        @Schema(
                description = "Build the report with the ranges as known at this instant (RFC 3339 with offset, not "
                        + "in the future): interpretations and range histories both. Send a report's basis.knownAt "
                        + "here to reproduce it.",
                example = "2026-11-21T10:00:00Z",
                format = "date-time",
                nullable = true)
        String knownAt) {

    @Schema(name = "ReportPatient")
    public record Patient(
            @Schema(
                    description = "Your patient id; echoed in the report, never sent to other services",
                    example = "patient-0042")
            String id,

            @Schema(example = "FEMALE") String sex,
            @Schema(example = "1970-05-01") String birthDate,

            @Schema(description = "ISO-8601 period used when birthDate is absent", example = "P56Y")
            String age) {}

    @Schema(name = "ReportResultInput")
    public record Result(
            @Schema(required = true, example = "s1") String id,
            @Schema(example = "B2M") String analyte,
            @Schema(example = "serum") String specimen,

            @Schema(description = "A number or a censored value such as <0.2", example = "2.45")
            String value,

            @Schema(example = "mg/L") String unit,
            @Schema(example = "2026-11-20T08:00:00Z") String collectedAt,
            List<Previous> previous) {}

    @Schema(name = "ReportPreviousResult")
    public record Previous(String value, String unit, String collectedAt) {}
}
