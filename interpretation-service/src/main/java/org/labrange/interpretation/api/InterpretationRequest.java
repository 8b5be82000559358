package org.labrange.interpretation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Results of one patient to interpret (a batch of up to 10,000).")
public record InterpretationRequest(
        @Schema(description = "The patient every result belongs to")
        PatientInput patient,

        @Schema(
                description = "Source codes to evaluate against; omitted or empty: every source with a reference "
                        + "range for the analyte",
                example = "[\"quest\", \"labcorp\", \"mosby-pagana-2022\"]")
        List<String> sources,

        @Schema(description = "The results", required = true)
        List<ResultInput> results,

        @Schema(
                description = KNOWN_AT_DESCRIPTION,
                example = "2026-11-21T10:00:00Z",
                format = "date-time",
                nullable = true)
        String knownAt) {

    static final String KNOWN_AT_DESCRIPTION = "Answer with the ranges as known at this instant (RFC 3339 with "
            + "offset): every source's range is the revision recorded at or before it that was in effect on the "
            + "collection date; ranges, revisions and sources recorded later do not exist for the answer. Not in the "
            + "future. Omitted: the current ranges. Send an answer's basis.knownAt here to reproduce it.";

    @Schema(description = "Sex and age. Age is taken at each result's collection date.")
    public record PatientInput(
            @Schema(description = "FEMALE, MALE or UNKNOWN (also F/M/U)", example = "FEMALE")
            String sex,

            @Schema(description = "ISO-8601 date", example = "1970-05-01")
            String birthDate,

            @Schema(
                    description = "ISO-8601 period, used when birthDate is absent; taken as the age at collection",
                    example = "P56Y")
            String age) {}

    @Schema(description = "One result as the lab reported it")
    public record ResultInput(
            @Schema(description = "Caller's id, echoed back; default r1, r2… by position", example = "s1")
            String id,

            @Schema(description = "Analyte code (LOINC) or alias", example = "B2M", required = true)
            String analyte,

            @Schema(
                    description = "Specimen; needed when an alias names analytes in several specimens",
                    example = "serum")
            String specimen,

            @Schema(
                    description = "A number, or a censored value such as <0.2, >100, <=0.2, >=100",
                    example = "2.45",
                    required = true)
            String value,

            @Schema(
                    description = "Unit as written: mg/L, mcg/mL, µg/L, ng/mL, nmol/L, mg/dL…",
                    example = "mg/L",
                    required = true)
            String unit,

            @Schema(description = "ISO-8601 instant or date; default now", example = "2026-11-20T08:00:00Z")
            String collectedAt,

            @Schema(description = "Analytical method; selects method-specific ranges")
            String method,

            @Schema(description = "Earlier results of this analyte for this patient (delta check)")
            List<PreviousInput> previous) {}

    @Schema(description = "An earlier result of the same analyte")
    public record PreviousInput(
            @Schema(example = "1.9") String value,
            @Schema(example = "mg/L") String unit,
            @Schema(example = "2026-05-01T08:00:00Z") String collectedAt) {}
}
