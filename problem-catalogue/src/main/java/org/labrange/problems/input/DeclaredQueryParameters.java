package org.labrange.problems.input;

import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters a JAX-RS resource method takes: its {@code @QueryParam}s, and the query parameters it
 * declares for the OpenAPI document only (a route that passes its query on to another service). Every service
 * refuses any other query parameter by name instead of ignoring it: a misspelt or unsupported parameter (say a
 * {@code knownAt} an endpoint cannot honour) must never pass as if it had been applied.
 */
public final class DeclaredQueryParameters {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    private DeclaredQueryParameters() {}

    /** The names among {@code given} that {@code method} does not take, sorted. */
    public static List<String> unknown(Method method, Collection<String> given) {
        Set<String> known = of(method);
        return given.stream().filter(name -> !known.contains(name)).sorted().toList();
    }

    /** Why an unknown parameter is refused, naming the ones the method takes. */
    public static String reason(Method method) {
        Set<String> known = of(method);
        return "is not a query parameter of this endpoint; it takes "
                + (known.isEmpty() ? "none" : String.join(", ", known));
    }

    static Set<String> of(Method method) {
        return DECLARED.computeIfAbsent(method, DeclaredQueryParameters::read);
    }

    private static Set<String> read(Method method) {
        java.util.SortedSet<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        for (Parameter parameter : method.getAnnotationsByType(Parameter.class)) {
            if (parameter.in() == ParameterIn.QUERY) {
                names.add(parameter.name());
            }
        }
        return java.util.Collections.unmodifiableSortedSet(names);
    }
}
