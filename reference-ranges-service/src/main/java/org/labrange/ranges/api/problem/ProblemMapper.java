package org.labrange.ranges.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;
import org.labrange.problems.input.NoControlCharacters;
import org.labrange.ranges.api.Views;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;

/** Turns every failure into an application/problem+json answer. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        String path = uri.getPath();
        if (e instanceof DomainException.Invalid invalid) {
            return respond(Problem.of("validation", invalid.getMessage(), path).withErrors(invalid.errors()));
        }
        if (e instanceof DomainException.StaleRevision stale) {
            return Response.status(412)
                    .type(Problem.MEDIA_TYPE)
                    .header("ETag", "\"" + stale.current().revision() + "\"")
                    .entity(Problem.of("stale-revision", stale.getMessage(), path)
                            .withCurrentRevision(Views.RangeRevisionView.of(stale.current())))
                    .build();
        }
        if (e instanceof DomainException.StaleAnalyteRevision stale) {
            return Response.status(412)
                    .type(Problem.MEDIA_TYPE)
                    .header("ETag", "\"" + stale.current().revision() + "\"")
                    .entity(Problem.of("analyte-changed", stale.getMessage(), path)
                            .withCurrentAnalyte(Views.AnalyteView.of(stale.current())))
                    .build();
        }
        if (e instanceof DomainException.CatalogueChanged changed) {
            return Response.status(412)
                    .type(Problem.MEDIA_TYPE)
                    .header("ETag", "\"" + changed.currentVersion() + "\"")
                    .entity(Problem.of("catalogue-changed", changed.getMessage(), path))
                    .build();
        }
        if (e instanceof DomainException.AnalyteInUse inUse) {
            return respond(
                    Problem.of("analyte-in-use", inUse.getMessage(), path).withLiveRanges(inUse.liveRanges()));
        }
        String slug;
        if (e instanceof DomainException.NotFound) {
            slug = "not-found";
        } else if (e instanceof DomainException.RevisionRequired) {
            slug = "revision-required";
        } else if (e instanceof DomainException.Conflict) {
            slug = "conflict";
        } else if (e instanceof DomainException.TooLarge) {
            slug = "too-large";
        } else {
            return unexpected(e, uri);
        }
        return respond(Problem.of(slug, e.getMessage(), path));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "The bearer token is missing, expired, or not signed by a trusted key");
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "This endpoint needs a bearer token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(
                "forbidden",
                "Your token does not carry a role allowed to do this (writes need ranges-admin)",
                uri.getPath()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        ProblemType type = ProblemCatalogue.load().forHttpStatus(e.getResponse().getStatus());
        if (type.status().orElseThrow() >= 500) {
            LOG.error("Request failed", e);
        }
        Response.ResponseBuilder answer =
                Response.fromResponse(respond(Problem.of(type, e.getMessage(), uri.getPath())));
        Object allow = e.getResponse().getHeaders().getFirst("Allow");
        return (allow == null ? answer : answer.header("Allow", allow)).build();
    }

    @ServerExceptionMapper
    public Response database(PersistenceException e, UriInfo uri) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("23") || state.equals("P0001") || state.equals("42501"))) {
            LOG.warnf("Database refused a write (SQLState %s): %s", state, e.getMessage());
            return respond(Problem.of(
                    "rejected-by-database",
                    "The database refused the change (an integrity rule was broken); nothing was written",
                    uri.getPath()));
        }
        if (state != null && state.startsWith("22")) {
            // Data exceptions: e.g. a NUL character in a text, or a date PostgreSQL cannot store.
            return respond(Problem.of(
                    "unstorable-value",
                    "A value in the request cannot be stored or compared (e.g. a NUL character or a date out of range);"
                            + " nothing was written",
                    uri.getPath()));
        }
        LOG.errorf("Database unavailable (SQLState %s): %s", state, e.getMessage());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(Problem.of(
                        "database-unavailable",
                        "The ranges database cannot be reached; nothing was read or written. Retry shortly.",
                        uri.getPath()))
                .build();
    }

    /**
     * The SQLState of the first SQLException behind {@code e}: along the causes and also among suppressed
     * exceptions, where the transaction manager puts the driver's error when a commit fails.
     */
    static String sqlState(Throwable e) {
        return sqlState(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static String sqlState(Throwable e, java.util.Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            for (Throwable s : t.getSuppressed()) {
                String state = sqlState(s, seen);
                if (state != null) {
                    return state;
                }
            }
        }
        return null;
    }

    /** Whether the failure is the transaction manager giving up on a commit (the change was not confirmed). */
    static boolean commitFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (e instanceof WebApplicationException wae) {
            return http(wae, uri);
        }
        if (commitFailed(e)) {
            // e.g. the database connection was cut while committing: the change is all there or not at all,
            // and here it was not confirmed, so the client must look before it repeats the write
            LOG.errorf("Commit failed (SQLState %s): %s", sqlState(e), e.getMessage());
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", "5")
                    .entity(Problem.of(
                            "commit-unconfirmed",
                            "The database connection failed while the change was being committed, so it was not "
                                    + "confirmed (a change is stored whole or not at all). Read the range's history "
                                    + "before repeating it.",
                            uri.getPath()))
                    .build();
        }
        if (sqlState(e) != null) {
            return database(new PersistenceException(e), uri);
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of("internal", "The service failed unexpectedly; the error was logged", uri.getPath()));
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"labrange\"")
                .entity(Problem.of("unauthorized", detail, uri.getPath()))
                .build();
    }

    /** How the JSON parser words a key repeated in one object (strict duplicate detection, see StrictJson). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.{1,200})'");

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        String reason = "is not valid JSON";
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            field = duplicate.group(1);
            reason = "is given more than once in the same object";
        } else if (e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (NoControlCharacters.refused(mapping)) {
                reason = e.getOriginalMessage();
            } else if (e instanceof UnrecognizedPropertyException) {
                reason = "is not a known field";
            } else if (e instanceof InvalidFormatException invalid
                    && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                reason = "must be one of "
                        + Arrays.toString(invalid.getTargetType().getEnumConstants());
            } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                reason = "has the wrong type (expected " + describe(mismatched.getTargetType()) + ")";
            } else {
                reason = "is not valid";
            }
        }
        // a body that is not JSON at all (no member to name) is malformed; a member of the wrong kind is invalid
        String slug = field.equals("body") ? "malformed-body" : "validation";
        return respond(Problem.of(slug, field + " " + reason, uri.getPath())
                .withErrors(List.of(new FieldError(field, reason))));
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.getSimpleName().equals("LocalDate")) {
            return "a date YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object or list";
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
