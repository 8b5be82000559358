package org.labrange.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.labrange.gateway.api.problem.InvalidRequestException;
import org.labrange.gateway.api.problem.Problem;
import org.labrange.problems.input.DeclaredQueryParameters;

/**
 * Refuses a query parameter the endpoint does not take, by name (the rule: {@link DeclaredQueryParameters}),
 * before anything is forwarded. Applies to the JSON API and the problem pages; FHIR has its own search rules.
 */
public class UnknownQueryParameters {

    private static final String JSON_API = UnknownQueryParameters.class.getPackageName();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null
                || !method.getDeclaringClass().getPackageName().startsWith(JSON_API)
                || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        List<String> unknown = DeclaredQueryParameters.unknown(
                method, request.getUriInfo().getQueryParameters().keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown.stream()
                    .map(name -> new Problem.FieldError(name, DeclaredQueryParameters.reason(method)))
                    .toList());
        }
    }
}
