package org.labrange.interpretation.api;

import io.quarkus.arc.profile.UnlessBuildProfile;
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
import org.jboss.logging.MDC;
import org.labrange.interpretation.api.InterpretationResponse.ResultView;
import org.labrange.interpretation.api.problem.Problem;
import org.labrange.interpretation.api.problem.RequestRejectedException;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.labrange.interpretation.security.Roles;
import org.labrange.interpretation.service.InterpretationService;

@UnlessBuildProfile(NoOpInterpretationResource.PROFILE)
@Path("/api/v1/interpretations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTERPRETER, Roles.ADMIN})
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

    private final InterpretationService service;
    private final RequestValidator validator;
    private final JsonBodyReader bodies;

    public InterpretationResource(InterpretationService service, RequestValidator validator, JsonBodyReader bodies) {
        this.service = service;
        this.validator = validator;
        this.bodies = bodies;
    }

    @POST
    @Operation(
            operationId = "interpretBatch",
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
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Token lacks role interpreter or ranges-admin")
    @APIResponse(
            responseCode = "413",
            description = "More than 10,000 results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Ranges unavailable and not safely cached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        InterpretationService.Outcome outcome = interpret(
                validator.validate(request.patient(), request.sources(), request.results(), request.knownAt()),
                authorization);
        return compact ? ResponseMapper.compact(outcome) : ResponseMapper.response(outcome);
    }

    private static boolean compactView(String view) {
        if (view == null || view.equals("full")) {
            return false;
        }
        if (view.equals("compact")) {
            return true;
        }
        throw RequestRejectedException.validation(List.of(new Problem.FieldError("view", "must be full or compact")));
    }

    @POST
    @Path("/single")
    @Operation(
            operationId = "interpretResult",
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
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Token lacks role interpreter or ranges-admin")
    @APIResponse(
            responseCode = "422",
            description = "Unknown analyte, bad value, unconvertible unit, impossible value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "Ranges unavailable and not safely cached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResultView interpretOne(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        SingleInterpretationRequest request = bodies.read(body, SingleInterpretationRequest.class);
        if (request.result() == null) {
            throw RequestRejectedException.validation(List.of(new Problem.FieldError("result", "is required")));
        }
        InterpretationService.Outcome outcome = interpret(
                validator.validate(request.patient(), request.sources(), List.of(request.result()), request.knownAt()),
                authorization);
        ResultInterpretation only = outcome.results().get(0);
        if (only.status() == ResultInterpretation.Status.REJECTED) {
            String kind = only.problems().get(0).kind();
            String detail = only.problems().stream()
                    .map(p -> p.reason())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            throw new RequestRejectedException(
                    kind,
                    detail,
                    only.problems().stream()
                            .map(p -> new Problem.FieldError("result." + p.field(), p.reason()))
                            .toList());
        }
        return ResponseMapper.single(only, outcome.basis());
    }

    private InterpretationService.Outcome interpret(RequestValidator.ValidRequest request, String authorization) {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return service.interpret(
                request.patient(),
                request.sources(),
                request.submissions(),
                request.knownAt(),
                Optional.ofNullable(authorization),
                Optional.ofNullable(requestId).map(Object::toString));
    }
}
