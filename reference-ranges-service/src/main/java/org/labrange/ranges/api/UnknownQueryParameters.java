package org.labrange.ranges.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.labrange.problems.input.DeclaredQueryParameters;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;

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
            throw new DomainException.Invalid(unknown.stream()
                    .map(name -> new FieldError(name, DeclaredQueryParameters.reason(method)))
                    .toList());
        }
    }
}
