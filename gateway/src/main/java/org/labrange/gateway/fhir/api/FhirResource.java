package org.labrange.gateway.fhir.api;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ObservationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.fhir.mapping.CatalogueDefinitions;
import org.labrange.gateway.fhir.mapping.InterpretCall;
import org.labrange.gateway.fhir.mapping.InterpretRequests;
import org.labrange.gateway.fhir.mapping.InterpretedObservations;
import org.labrange.gateway.fhir.mapping.InvalidFhirInput;
import org.labrange.gateway.fhir.mapping.ResultOutcomes;
import org.labrange.gateway.fhir.mapping.ServerDocuments;
import org.labrange.gateway.fhir.mapping.Vocabulary;
import org.labrange.gateway.fhir.service.FhirCatalogue;
import org.labrange.gateway.fhir.service.FhirInterpretation;
import org.labrange.gateway.security.Roles;

/**
 * FHIR R4 at {@code /fhir/r4}: the CapabilityStatement, {@code Observation/$interpret} and the range
 * catalogue as versioned ObservationDefinitions. Resources are parsed and written with HAPI; the answers
 * come from the same upstream services as the JSON API.
 */
@Path("/fhir/r4")
public class FhirResource {

    private static final String DEFINITION = "ObservationDefinition";

    private final FhirContext fhir;
    private final FhirInterpretation interpretation;
    private final FhirCatalogue catalogue;
    private final String version;

    FhirResource(
            FhirContext fhir,
            FhirInterpretation interpretation,
            FhirCatalogue catalogue,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.fhir = fhir;
        this.interpretation = interpretation;
        this.catalogue = catalogue;
        this.version = version;
    }

    @GET
    @Path("metadata")
    @PermitAll
    public Response metadata(@Context UriInfo uri, @QueryParam("_format") String format) {
        return FhirResponses.ok(fhir, ServerDocuments.capabilityStatement(base(uri), version), format);
    }

    @GET
    @Path("OperationDefinition/{id}")
    @PermitAll
    public Response operationDefinition(@PathParam("id") String id, @QueryParam("_format") String format) {
        FhirResponses.checkFormat(format);
        if (!Vocabulary.INTERPRET_OPERATION_ID.equals(id)) {
            throw InvalidFhirInput.of(404, "not-found", "", "No OperationDefinition " + id + ".");
        }
        return FhirResponses.ok(fhir, ServerDocuments.interpretOperation(), format);
    }

    /** {@code Observation/$interpret} (matched as a template: clients may send the dollar sign encoded). */
    @POST
    @Path("Observation/{operation}")
    @RolesAllowed({Roles.INTERPRETER, Roles.ADMIN})
    public Uni<Response> interpret(
            @PathParam("operation") String operation,
            byte[] body,
            @Context HttpHeaders headers,
            @QueryParam("_format") String format) {
        if (!"$interpret".equals(operation)) {
            throw FhirSearch.unsupported("Observation/" + operation, "POST");
        }
        FhirResponses.checkFormat(format);
        FhirResponses.checkContentType(headers);
        InterpretCall call = InterpretRequests.read(fhir, body);
        Optional<String> primary = interpretation.primarySource(call);
        return interpretation
                .interpret(call, Forwarder.forwardedHeaders(headers))
                .map(results -> FhirResponses.ok(fhir, answer(call, results, primary), format));
    }

    private IBaseResource answer(InterpretCall call, List<Optional<JsonNode>> results, Optional<String> primary) {
        return switch (call.form()) {
            case OBSERVATION -> single(call.items().get(0), results.get(0).orElseThrow(), primary);
            case PARAMETERS -> parameters(call, results, primary);
            case BATCH -> batch(call, results, primary);
        };
    }

    private static Observation single(InterpretCall.Item item, JsonNode result, Optional<String> primary) {
        String status = result.path("status").asText();
        if ("REJECTED".equals(status)) {
            throw new InvalidFhirInput(422, ResultOutcomes.rejected(result, item.path()));
        }
        if (!"INTERPRETED".equals(status)) {
            List<InvalidFhirInput.Issue> issues = new ArrayList<>();
            ResultOutcomes.notInterpreted(result, item.path())
                    .forEach(i -> issues.add(new InvalidFhirInput.Issue("not-found", item.path(), i.getDiagnostics())));
            throw new InvalidFhirInput(422, issues);
        }
        return InterpretedObservations.interpreted(item.observation().orElseThrow(), result, primary);
    }

    private static Parameters parameters(
            InterpretCall call, List<Optional<JsonNode>> results, Optional<String> primary) {
        List<InvalidFhirInput.Issue> rejected = new ArrayList<>();
        for (int i = 0; i < call.items().size(); i++) {
            JsonNode result = results.get(i).orElseThrow();
            if ("REJECTED".equals(result.path("status").asText())) {
                rejected.addAll(
                        ResultOutcomes.rejected(result, call.items().get(i).path()));
            }
        }
        if (!rejected.isEmpty()) {
            throw new InvalidFhirInput(422, rejected);
        }
        Parameters answer = new Parameters();
        OperationOutcome outcome = new OperationOutcome();
        for (int i = 0; i < call.items().size(); i++) {
            InterpretCall.Item item = call.items().get(i);
            JsonNode result = results.get(i).orElseThrow();
            Observation observation = item.observation().orElseThrow();
            if ("INTERPRETED".equals(result.path("status").asText())) {
                observation = InterpretedObservations.interpreted(observation, result, primary);
            }
            answer.addParameter().setName("observation").setResource(observation);
            // an answer's own position: the i-th observation parameter of the answer
            ResultOutcomes.notInterpreted(result, "Parameters.parameter[" + i + "].resource")
                    .forEach(outcome::addIssue);
        }
        if (outcome.hasIssue()) {
            answer.addParameter().setName("outcome").setResource(outcome);
        }
        return answer;
    }

    private static Bundle batch(InterpretCall call, List<Optional<JsonNode>> results, Optional<String> primary) {
        Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < call.items().size(); i++) {
            InterpretCall.Item item = call.items().get(i);
            Bundle.BundleEntryComponent entry = answer.addEntry();
            if (item.refused().isPresent()) {
                InvalidFhirInput refused = item.refused().get();
                entry.getResponse().setStatus("400 Bad Request").setOutcome(ResultOutcomes.of(refused.issues()));
                continue;
            }
            JsonNode result = results.get(i).orElseThrow();
            String status = result.path("status").asText();
            if ("REJECTED".equals(status)) {
                entry.getResponse()
                        .setStatus("422 Unprocessable Entity")
                        .setOutcome(ResultOutcomes.of(ResultOutcomes.rejected(result, item.path())));
                continue;
            }
            Observation observation = item.observation().orElseThrow();
            if ("INTERPRETED".equals(status)) {
                observation = InterpretedObservations.interpreted(observation, result, primary);
            }
            entry.setResource(observation);
            entry.getResponse().setStatus("200 OK");
            List<OperationOutcome.OperationOutcomeIssueComponent> issues =
                    ResultOutcomes.notInterpreted(result, item.path());
            if (!issues.isEmpty()) {
                OperationOutcome outcome = new OperationOutcome();
                issues.forEach(outcome::addIssue);
                entry.getResponse().setOutcome(outcome);
            }
        }
        return answer;
    }

    @GET
    @Path(DEFINITION)
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    public Uni<Response> searchDefinitions(
            @Context UriInfo uri, @Context HttpHeaders headers, @QueryParam("_format") String format) {
        FhirResponses.checkFormat(format);
        String code = FhirSearch.loincCode(uri.getQueryParameters());
        if (code.isEmpty()) {
            return Uni.createFrom()
                    .item(FhirResponses.ok(fhir, FhirBundles.searchset(base(uri), uri, List.of()), format));
        }
        return catalogue
                .search(code, Forwarder.forwardedHeaders(headers))
                .map(found -> FhirResponses.ok(fhir, FhirBundles.searchset(base(uri), uri, found), format));
    }

    @GET
    @Path(DEFINITION + "/{id}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    public Uni<Response> readDefinition(
            @PathParam("id") String id, @Context HttpHeaders headers, @QueryParam("_format") String format) {
        FhirResponses.checkFormat(format);
        return versions(id, headers).map(versions -> FhirResponses.ok(fhir, versions.get(versions.size() - 1), format));
    }

    @GET
    @Path(DEFINITION + "/{id}/_history")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    public Uni<Response> definitionHistory(
            @PathParam("id") String id,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            @QueryParam("_format") String format) {
        FhirResponses.checkFormat(format);
        return versions(id, headers)
                .map(versions -> FhirResponses.ok(fhir, FhirBundles.history(base(uri), versions), format));
    }

    @GET
    @Path(DEFINITION + "/{id}/_history/{vid}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    public Uni<Response> definitionVersion(
            @PathParam("id") String id,
            @PathParam("vid") String vid,
            @Context HttpHeaders headers,
            @QueryParam("_format") String format) {
        FhirResponses.checkFormat(format);
        return versions(id, headers)
                .map(versions -> versions.stream()
                        .filter(v -> v.getMeta().getVersionId().equals(vid))
                        .findFirst()
                        .map(v -> FhirResponses.ok(fhir, v, format))
                        .orElseThrow(() -> InvalidFhirInput.of(
                                404, "not-found", "", "ObservationDefinition/" + id + " has no version " + vid + ".")));
    }

    private Uni<List<ObservationDefinition>> versions(String id, HttpHeaders headers) {
        String[] parts = CatalogueDefinitions.parts(id)
                .orElseThrow(() -> InvalidFhirInput.of(
                        404, "not-found", "", "No ObservationDefinition " + id + " (ids are <LOINC code>.<source>)."));
        return catalogue
                .versions(parts[0], parts[1], Forwarder.forwardedHeaders(headers))
                .map(versions -> {
                    if (versions.isEmpty()) {
                        throw InvalidFhirInput.of(404, "not-found", "", "No ObservationDefinition " + id + ".");
                    }
                    return versions;
                });
    }

    /** Everything else under /fhir/r4: a type or interaction this server does not serve. */
    @GET
    @Path("{rest: .+}")
    @PermitAll
    public Response unsupportedGet(@PathParam("rest") String rest) {
        throw FhirSearch.unsupported(rest, "GET");
    }

    @POST
    @Path("{rest: .+}")
    @PermitAll
    public Response unsupportedPost(@PathParam("rest") String rest) {
        throw FhirSearch.unsupported(rest, "POST");
    }

    @PUT
    @Path("{rest: .+}")
    @PermitAll
    public Response unsupportedPut(@PathParam("rest") String rest) {
        throw FhirSearch.unsupported(rest, "PUT");
    }

    @DELETE
    @Path("{rest: .+}")
    @PermitAll
    public Response unsupportedDelete(@PathParam("rest") String rest) {
        throw FhirSearch.unsupported(rest, "DELETE");
    }

    @PATCH
    @Path("{rest: .+}")
    @PermitAll
    public Response unsupportedPatch(@PathParam("rest") String rest) {
        throw FhirSearch.unsupported(rest, "PATCH");
    }

    private static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root : root + "/") + "fhir/r4";
    }
}
