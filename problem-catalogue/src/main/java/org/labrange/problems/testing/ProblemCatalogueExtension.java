package org.labrange.problems.testing;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ProblemCatalogueFilter} for every test class (registered for JUnit's extension autodetection).
 * A {@code @QuarkusTest} runs in the application's class loader with its own copy of REST Assured, so the
 * filter is installed through the test class's loader, not this one.
 */
public final class ProblemCatalogueExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class<?> filter;
        try {
            Class.forName("io.restassured.RestAssured", false, loader);
            filter = Class.forName(ProblemCatalogueFilter.class.getName(), true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return; // a test class without REST Assured on its class path makes no HTTP calls through it
        }
        try {
            filter.getMethod("install").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not install the problem catalogue check", e.getCause());
        }
    }
}
