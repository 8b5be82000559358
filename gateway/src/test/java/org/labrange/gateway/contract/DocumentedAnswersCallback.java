package org.labrange.gateway.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Checks every answer of every {@code @QuarkusTest} against the public document (registered in
 * {@code META-INF/services}, so that no test class can forget it). Quarkus runs it in the test's class loader, where
 * the test's rest-assured lives.
 */
public class DocumentedAnswersCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        DocumentedAnswers.install();
    }
}
