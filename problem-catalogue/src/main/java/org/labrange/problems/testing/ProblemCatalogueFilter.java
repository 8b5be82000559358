package org.labrange.problems.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/** Passes every answer a REST Assured test receives to {@link ProblemsSeen}. */
public final class ProblemCatalogueFilter implements Filter {

    /** Adds the filter to REST Assured's defaults once (called reflectively by {@link ProblemCatalogueExtension}). */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(ProblemCatalogueFilter.class::isInstance)) {
            RestAssured.filters(new ProblemCatalogueFilter());
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        ProblemsSeen.answer(
                answer.statusCode(),
                answer.contentType(),
                answer.asString(),
                request.getMethod() + " " + request.getDerivedPath());
        return answer;
    }
}
