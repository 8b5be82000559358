package org.labrange.ranges.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.labrange.problems.testing.ProblemsSeen;

/**
 * A connection cut while a write commits (found by the faults-under-load benchmark: PostgreSQL's
 * pg_terminate_backend during a revision) reaches the mapper as a rollback whose driver error is only a
 * suppressed exception. It must be a 503 that says the change was not confirmed, not a 500.
 */
class CommitFailureMappingTest {

    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(
            UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/ranges/x/revisions" : null);

    @Test
    void aCommitCutOffByTheDatabaseIsAnUnconfirmedChangeNotAnInternalError() {
        RollbackException rollback = new RollbackException("Could not commit transaction.");
        Exception xa = new Exception(
                "Error trying to commit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", rollback);

        Response response = new ProblemMapper().unexpected(thrown, URI);

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertTrue(problem.type().endsWith("/commit-unconfirmed"), problem.type());
        assertTrue(problem.detail().contains("history"), problem.detail());
        assertEquals("57P01", ProblemMapper.sqlState(thrown));
        catalogued(response, "a commit cut off");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableAndAnIntegrityRuleIsARefusal() {
        Response down = new ProblemMapper()
                .unexpected(
                        new RuntimeException(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")), URI);
        assertEquals(503, down.getStatus());
        assertEquals("5", down.getHeaderString("Retry-After"));
        assertTrue(((Problem) down.getEntity()).type().endsWith("/database-unavailable"));
        catalogued(down, "database down");

        Response refused = new ProblemMapper()
                .unexpected(new RuntimeException(new SQLException("duplicate key value", "23505")), URI);
        assertEquals(409, refused.getStatus());
        assertTrue(((Problem) refused.getEntity()).type().endsWith("/rejected-by-database"));
        catalogued(refused, "unique key broken");
    }

    @Test
    void anyOtherUnexpectedFailureStaysAnInternalError() {
        Response response = new ProblemMapper().unexpected(new IllegalStateException("bug"), URI);
        assertEquals(500, response.getStatus());
        catalogued(response, "a bug");
    }

    /** The answer is a catalogue entry with its title and status (and counts as produced by a test). */
    private static void catalogued(Response response, String what) {
        try {
            ProblemsSeen.answer(
                    response.getStatus(),
                    Problem.MEDIA_TYPE,
                    new ObjectMapper().writeValueAsString(response.getEntity()),
                    "ProblemMapper: " + what);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
