package org.labrange.interpretation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.interpretation.api.InterpretationResponse.DeltaView;
import org.labrange.interpretation.api.InterpretationResponse.NotEvaluatedView;
import org.labrange.interpretation.api.InterpretationResponse.PatternView;
import org.labrange.interpretation.api.InterpretationResponse.ProblemView;
import org.labrange.interpretation.api.InterpretationResponse.RangesInfo;

/**
 * The answer with {@code view=compact}: the same verdicts as the full answer, for systems that file flags in
 * bulk. Per result: the flag of each source with the exact range revision (id, number, bounds as text), the
 * agreement, the ids of triggered associations, the delta check and any problems. What the full answer repeats
 * for every result (range populations and dates, association texts and citations) is left out; look a range
 * revision up by id and number, or ask for the full view.
 */
@Schema(
        name = "CompactInterpretationResponse",
        description = "view=compact: flags and exact range revisions, "
                + "without the texts the full view repeats for every result")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CompactInterpretationResponse(
        String rulesVersion,
        Instant evaluatedAt,
        RangesInfo ranges,

        @Schema(description = "What the answer was computed from; send basis.knownAt as knownAt to reproduce it")
        InterpretationResponse.BasisView basis,

        List<Result> results,

        @Schema(description = "Patterns across the results, as in the full view")
        List<PatternView> patterns) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Result(
            String id,

            @Schema(description = "INTERPRETED, NO_RANGE or REJECTED")
            String status,

            @Schema(description = "Analyte code") String analyte,

            @Schema(description = "Value in the analyte's canonical unit")
            Double value,

            @Schema(description = "<, <=, > or >= for a censored value")
            String comparator,

            String unit,
            String collectionDate,
            List<Verdict> interpretations,
            List<NotEvaluatedView> notEvaluated,

            @Schema(description = "Whether every evaluated source gave the same flag")
            Boolean unanimous,

            @Schema(
                    description = "Ids of the associations the flags trigger (texts in the rules file and the full "
                            + "view)")
            List<String> associations,

            @Schema(description = "Whether any clinical association is on file for this analyte")
            boolean associationsOnFile,

            DeltaView delta,
            List<ProblemView> problems) {}

    @Schema(name = "CompactVerdict", description = "One source's flag and the range revision that produced it")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Verdict(
            String source,

            @Schema(description = "HL7 v3 ObservationInterpretation code", example = "H")
            String flag,

            String rangeId,
            int revision,

            @Schema(description = "The bounds in the canonical unit, e.g. \"0.6–2.4 mg/L\"")
            String range,

            @Schema(description = "LL or HH when a critical limit is crossed")
            String critical) {}
}
