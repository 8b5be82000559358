package org.labrange.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labrange.problems.testing.ProblemsSeen;

class ProblemCatalogueTest {

    private static final String HEADER = "slug,status,title,scope,when,action\n";

    @Test
    void everyEntryIsComplete() {
        ProblemCatalogue catalogue = ProblemCatalogue.load();
        Set<String> titles = new HashSet<>();
        for (ProblemType type : catalogue.types()) {
            assertTrue(
                    !type.title().isEmpty()
                            && !type.when().isEmpty()
                            && !type.action().isEmpty(),
                    type.slug());
            assertTrue(titles.add(type.title()), "two entries share the title " + type.title());
            type.status().ifPresent(status -> assertTrue(status >= 400 && status < 600, type.slug()));
        }
        assertEquals(
                "https://labrange.dev/problems/stale-revision",
                catalogue.find("stale-revision").orElseThrow().uri());
    }

    @Test
    void aSlugTwiceOrARequestProblemWithoutStatusIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ProblemCatalogue.read(new StringReader(HEADER + "a,400,A,request,w,x\na,400,B,request,w,x\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProblemCatalogue.read(new StringReader(HEADER + "a,,A,request,w,x\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProblemCatalogue.read(new StringReader(HEADER + "Not A Slug,400,A,request,w,x\n")));
    }

    @Test
    void anAnswerWithAProblemTypeOutsideTheCatalogueFails() {
        assertThrows(
                AssertionError.class,
                () -> ProblemsSeen.answer(
                        400,
                        "application/problem+json",
                        "{\"type\":\"https://labrange.dev/problems/malformed-request\",\"title\":\"Malformed\",\"status\":400}",
                        "POST /x"));
        assertThrows(
                AssertionError.class,
                () -> ProblemsSeen.answer(
                        404,
                        "application/problem+json",
                        "{\"type\":\"https://labrange.dev/problems/not-found\",\"title\":\"Missing\",\"status\":404}",
                        "GET /x"));
        assertThrows(
                AssertionError.class,
                () -> ProblemsSeen.answer(
                        200,
                        "application/json",
                        "{\"problems\":[{\"type\":\"https://labrange.dev/problems/unknown-code\"}]}",
                        "POST /x"));
        ProblemsSeen.answer(
                404,
                "application/problem+json",
                "{\"type\":\"https://labrange.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}",
                "GET /x");
    }
}
