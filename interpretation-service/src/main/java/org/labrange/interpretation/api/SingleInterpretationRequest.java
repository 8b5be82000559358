package org.labrange.interpretation.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One result to interpret; a result that cannot be interpreted is answered 422.")
public record SingleInterpretationRequest(
        InterpretationRequest.PatientInput patient,

        @Schema(description = "Source codes; omitted: every source with a reference range")
        List<String> sources,

        @Schema(required = true) InterpretationRequest.ResultInput result,

        @Schema(
                description = InterpretationRequest.KNOWN_AT_DESCRIPTION,
                example = "2026-11-21T10:00:00Z",
                format = "date-time",
                nullable = true)
        String knownAt) {}
