package org.labrange.interpretation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.labrange.interpretation.api.InterpretationResponse.ResultView;
import org.labrange.interpretation.client.UpstreamCall;
import org.labrange.interpretation.config.InterpretationConfig;
import org.labrange.interpretation.domain.ResultInterpretation;

@Path("/api/v1/interpretations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"interpreter", "ranges-admin"})
@Tag(name = "interpretations", description = "Evaluate lab results against the versioned reference ranges")
@SecurityRequirement(name = "bearer")
public class InterpretationResource {

    static final String SERUM_EXAMPLE = """
            {"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
             "results": [{"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                          "collectedAt": "2026-11-20T08:00:00Z",
                          "previous": [{"value": "1.9", "unit": "mg/L", "collectedAt": "2026-05-01T08:00:00Z"}]}]}""";

    static final String PANEL_EXAMPLE = """
            {"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
             "sources": ["quest", "labcorp", "mosby-pagana-2022"],
             "results": [
               {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z"},
               {"id": "u1", "analyte": "B2M", "specimen": "urine", "value": "250", "unit": "mcg/L",
                "collectedAt": "2026-11-20T08:00:00Z"}]}""";

    static final String URINE_EXAMPLE = """
            {"patient": {"sex": "MALE", "age": "P61Y"},
             "result": {"id": "u1", "analyte": "1953-9", "value": "45", "unit": "mg/L",
                        "collectedAt": "2026-11-20T08:00:00Z"}}""";

    /** Status of every result while the benchmark-only no-op mode is on: nothing was evaluated. */
    static final String NO_OP_STATUS = "NOT_EVALUATED_NO_OP_MODE";

    private final InterpretationService service;
    private final JsonBodyReader bodies;
    private final boolean noOp;

    public InterpretationResource(InterpretationService service, JsonBodyReader bodies, InterpretationConfig config) {
        this.service = service;
        this.bodies = bodies;
        this.noOp = config.benchmarkNoOp();
        if (noOp) {
            Logger.getLogger(InterpretationResource.class)
                    .warn("benchmark no-op mode is ON: requests are read and "
                            + "checked but no result is interpreted (status " + NO_OP_STATUS
                            + "); never use it in service");
        }
    }

    @POST
    @Operation(
            summary = "Interpret a batch of results of one patient",
            description = "Up to 10,000 results. A bad result is reported inside its own entry (status REJECTED) "
                    + "and never fails the others.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InterpretationRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "b2m-serum",
                                        summary = "B2M serum with an earlier result",
                                        value = SERUM_EXAMPLE),
                                @ExampleObject(
                                        name = "b2m-serum-urine-panel",
                                        summary = "B2M serum + urine panel",
                                        value = PANEL_EXAMPLE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Every result interpreted, rejected or without range "
                    + "(CompactInterpretationResponse with view=compact)",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            oneOf = {InterpretationResponse.class, CompactInterpretationResponse.class
                                            })))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body, no results, invalid patient or unknown source",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Token lacks role interpreter or ranges-admin")
    @APIResponse(
            responseCode = "413",
            description = "More than 10,000 results",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "503",
            description = "Ranges unavailable and not safely cached",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    public Object interpret(
            byte[] body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(
                            description = "full (default): every range revision, text and citation in "
                                    + "each result; compact: flags and exact range revisions (id, number, bounds) "
                                    + "only, for bulk filing",
                            schema = @Schema(enumeration = {"full", "compact"}))
                    @QueryParam("view")
                    String view) {
        boolean compact = compactView(view);
        InterpretationRequest request = bodies.read(body, InterpretationRequest.class);
        if (noOp) {
            return new InterpretationResponse(
                    null,
                    null,
                    null,
                    request.results() == null
                            ? List.of()
                            : request.results().stream()
                                    .map(r -> noOpView(r == null ? null : r.id()))
                                    .toList(),
                    List.of());
        }
        InterpretationService.Outcome outcome =
                service.interpret(request.patient(), request.sources(), request.results(), upstreamCall(authorization));
        return compact ? ResponseMapper.compact(outcome) : ResponseMapper.response(outcome);
    }

    private static boolean compactView(String view) {
        if (view == null || view.equals("full")) {
            return false;
        }
        if (view.equals("compact")) {
            return true;
        }
        throw RequestRejectedException.validation(
                List.of(new ProblemDocument.FieldError("view", "must be full or compact")));
    }

    @POST
    @Path("/single")
    @Operation(
            summary = "Interpret one result",
            description = "Same rules as the batch; a result that cannot be "
                    + "interpreted is answered 422 with the reasons.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SingleInterpretationRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "b2m-urine",
                                        summary = "B2M urine far above its upper limit",
                                        value = URINE_EXAMPLE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The result, interpreted or without applicable range",
            content = @Content(schema = @Schema(implementation = ResultView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body, invalid patient or unknown source",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Token lacks role interpreter or ranges-admin")
    @APIResponse(
            responseCode = "422",
            description = "Unknown analyte, bad value, unconvertible unit, impossible value",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(
            responseCode = "503",
            description = "Ranges unavailable and not safely cached",
            content =
                    @Content(
                            mediaType = ProblemDocument.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDocument.class)))
    public ResultView interpretOne(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SingleInterpretationRequest request = bodies.read(body, SingleInterpretationRequest.class);
        if (request.result() == null) {
            throw RequestRejectedException.validation(List.of(new ProblemDocument.FieldError("result", "is required")));
        }
        if (noOp) {
            return noOpView(request.result().id());
        }
        InterpretationService.Outcome outcome = service.interpret(
                request.patient(), request.sources(), List.of(request.result()), upstreamCall(authorization));
        ResultInterpretation only = outcome.results().get(0);
        if (only.status() == ResultInterpretation.Status.REJECTED) {
            String kind = only.problems().get(0).kind();
            String detail = only.problems().stream()
                    .map(p -> p.reason())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            throw new RequestRejectedException(
                    422,
                    kind,
                    "Result cannot be interpreted",
                    detail,
                    only.problems().stream()
                            .map(p -> new ProblemDocument.FieldError("result." + p.field(), p.reason()))
                            .toList());
        }
        return ResponseMapper.result(only);
    }

    /**
     * The answer of the benchmark-only no-op mode ({@code labrange.interpretation.benchmark-no-op=true}): the
     * request went through the same hops, authentication and JSON reading, and nothing else. Throughput in this
     * mode, set against normal mode, shows what the interpretation itself costs (see BENCHMARKS.md).
     */
    private static ResultView noOpView(String id) {
        return new ResultView(
                id, NO_OP_STATUS, null, null, null, List.of(), List.of(), null, List.of(), null, List.of());
    }

    private static UpstreamCall upstreamCall(String authorization) {
        Object id = MDC.get(RequestIdFilter.MDC_KEY);
        return new UpstreamCall(
                Optional.ofNullable(authorization), Optional.ofNullable(id).map(Object::toString));
    }
}
