package org.labrange.interpretation.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.labrange.interpretation.api.problem.Problem;
import org.labrange.interpretation.api.problem.RequestRejectedException;
import org.labrange.problems.input.DeclaredQueryParameters;

/** Refuses a query parameter the endpoint does not take, by name (the rule: {@link DeclaredQueryParameters}). */
public class UnknownQueryParameters {

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        List<String> unknown = DeclaredQueryParameters.unknown(
                method, request.getUriInfo().getQueryParameters().keySet());
        if (!unknown.isEmpty()) {
            throw RequestRejectedException.validation(unknown.stream()
                    .map(name -> new Problem.FieldError(name, DeclaredQueryParameters.reason(method)))
                    .toList());
        }
    }
}
