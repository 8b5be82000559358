package org.labrange.ranges.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;

/**
 * Refuses a query parameter the endpoint does not declare, naming it, instead of ignoring it: a client's
 * misspelt or unsupported parameter (say a knownAt an endpoint cannot honour) must never pass as if it had
 * been applied.
 */
public class UnknownQueryParameters {

    private static final String REASON = "is not a query parameter of this endpoint; it takes ";
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid(unknown.stream()
                    .map(name -> new FieldError(name, REASON + (known.isEmpty() ? "none" : String.join(", ", known))))
                    .toList());
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
