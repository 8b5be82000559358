package org.labrange.gateway.contract;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * A rest-assured filter that fails the request, and so the test, when the answer is not one the public document
 * describes ({@link PublicDocument}). Installed for every {@code @QuarkusTest} by {@link DocumentedAnswersCallback};
 * other suites call {@link #install()} once.
 */
public final class DocumentedAnswers implements Filter {

    /**
     * An answer the public document does not describe. Deliberately not an {@link AssertionError}: a test that waits
     * for a condition with retried assertions (Awaitility's {@code untilAsserted}) would swallow that and try again until
     * a documented answer came, hiding the undocumented one.
     */
    public static final class UndocumentedAnswer extends Error {
        UndocumentedAnswer(String message) {
            super(message);
        }
    }

    /** Adds the filter to rest-assured's defaults (once), so that every request of the JVM is checked. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(DocumentedAnswers.class::isInstance)) {
            RestAssured.filters(new DocumentedAnswers());
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (PublicDocument.judges(path)) {
            PublicDocument.committed()
                    .verdict(new PublicDocument.Answer(
                            request.getMethod(),
                            path,
                            answer.statusCode(),
                            answer.header("Content-Type"),
                            answer.asString()))
                    .ifPresent(message -> {
                        throw new UndocumentedAnswer(message);
                    });
        }
        return answer;
    }
}
