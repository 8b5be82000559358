package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.schema.InterpretationSchemas;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1/interpretations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interpretations", description = "Flags for results against every applicable source's range")
@RolesAllowed({Roles.INTERPRETER, Roles.ADMIN})
public class InterpretationResource {

    private final Forwarder forwarder;

    InterpretationResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Operation(
            operationId = "interpretBatch",
            summary = "Interpret a batch of results (up to 10,000)",
            description =
                    "Served by interpretation-service. Each result is INTERPRETED, NO_RANGE (no flag, notEvaluated says why) "
                            + "or REJECTED (problems names field and reason); a bad result never fails the others. "
                            + "With knownAt the ranges are taken as they were known at that instant. "
                            + "Needs interpreter or ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InterpretationSchemas.InterpretationRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Every result interpreted, rejected or without range: InterpretationResponse, or "
                    + "CompactInterpretationResponse with view=compact",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            oneOf = {
                                                InterpretationSchemas.InterpretationResponse.class,
                                                InterpretationSchemas.CompactInterpretationResponse.class
                                            })))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body, no results, invalid patient, unknown source or unknown field")
    @APIResponse(responseCode = "413", description = "More than 10,000 results, or too large a body")
    @Parameter(
            name = "view",
            in = ParameterIn.QUERY,
            description =
                    "full (default) or compact: flags and exact "
                            + "range revisions (id, number, bounds) only, without the texts the full view repeats for every result",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"full", "compact"},
                            defaultValue = "full"))
    public Uni<Response> batch(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.write(Upstream.INTERPRETATION, "POST", uri, headers, body);
    }

    @POST
    @Path("/single")
    @Operation(
            operationId = "interpretResult",
            summary = "Interpret one result",
            description = "Same rules as the batch; a result that cannot be interpreted answers 422 with the reasons. "
                    + "With knownAt the ranges are taken as they were known at that instant. "
                    + "Needs interpreter or ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InterpretationSchemas.SingleInterpretationRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The result, interpreted or without applicable range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(implementation = InterpretationSchemas.SingleInterpretationResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid patient, unknown source or unknown field")
    @APIResponse(
            responseCode = "422",
            description = "The result cannot be interpreted (unknown analyte, unconvertible unit, impossible value)")
    public Uni<Response> single(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.write(Upstream.INTERPRETATION, "POST", uri, headers, body);
    }
}
