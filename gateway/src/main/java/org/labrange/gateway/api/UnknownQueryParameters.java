package org.labrange.gateway.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.labrange.gateway.api.problem.InvalidRequestException;
import org.labrange.gateway.api.problem.Problem;

/**
 * Refuses a query parameter the endpoint does not declare, naming it, instead of ignoring it: a client's
 * misspelt or unsupported parameter (say a knownAt an endpoint cannot honour) must never pass as if it had
 * been applied. Applies to the JSON API and the problem pages; FHIR has its own search rules.
 */
public class UnknownQueryParameters {

    private static final String JSON_API = UnknownQueryParameters.class.getPackageName();
    private static final String REASON = "is not a query parameter of this endpoint; it takes ";
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        // the FHIR endpoints follow FHIR's own search rules (org.labrange.gateway.fhir)
        if (method == null
                || !method.getDeclaringClass().getPackageName().startsWith(JSON_API)
                || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown.stream()
                    .map(name -> new Problem.FieldError(
                            name, REASON + (known.isEmpty() ? "none" : String.join(", ", known))))
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
        // a route that passes its query on to a service declares the parameters for the document only
        for (Parameter parameter : method.getAnnotationsByType(Parameter.class)) {
            if (parameter.in() == ParameterIn.QUERY) {
                names.add(parameter.name());
            }
        }
        return names;
    }
}
