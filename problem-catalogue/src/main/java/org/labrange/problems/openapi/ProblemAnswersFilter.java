package org.labrange.problems.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every operation of a backend service's OpenAPI document (reference-ranges-service and
 * interpretation-service name it in mp.openapi.filter) with the problem answers any call can get
 * (400 with parameters or a body, 401, 403, 500) and gives every error status the one Problem schema, so the
 * document lists what the service really sends without repeating it on each method.
 */
public class ProblemAnswersFilter implements OASFilter {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> SHARED = Map.of(
            "400", "Invalid request: malformed body, invalid field or parameter",
            "401", "No bearer token, or an invalid one",
            "403", "The token lacks the role this operation needs",
            "500", "Unexpected failure; the log has the details under the request's id");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemAnswersFilter::complete);
            }
        });
    }

    private static void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        add(responses, "400", input);
        add(responses, "401", true);
        add(responses, "403", true);
        add(responses, "500", true);
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(response);
            }
        });
    }

    private static void add(APIResponses responses, String status, boolean applies) {
        if (!applies) {
            return;
        }
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(SHARED.get(status)));
        } else if (status.equals("401") || status.equals("403")) {
            existing.description(SHARED.get(status));
        }
    }

    private static void problem(APIResponse response) {
        response.content(OASFactory.createContent()
                .addMediaType(
                        PROBLEM_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }
}
