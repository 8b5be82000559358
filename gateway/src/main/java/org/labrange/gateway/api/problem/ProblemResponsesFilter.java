package org.labrange.gateway.api.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the answers every public operation can give (401, 403, 503, and 413 for bodies) so that
 * the document clients code against lists them without repeating them on each method.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op :
                        item.getOperations().entrySet()) {
                    APIResponses responses = op.getValue().getResponses();
                    if (responses == null) {
                        continue;
                    }
                    add(responses, "401", "No token, or an expired or wrongly signed token");
                    add(responses, "403", "The token lacks the role this operation needs");
                    add(
                            responses,
                            "503",
                            "An upstream service needed for the answer is unavailable; `upstream` names it");
                    if (op.getKey() == PathItem.HttpMethod.POST || op.getKey() == PathItem.HttpMethod.PUT) {
                        add(responses, "413", "The body is larger than the gateway accepts");
                    }
                }
            }
        });
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(
                code,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("#/components/schemas/Problem")))));
    }
}
