package org.labrange.interpretation.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.labrange.interpretation.api.RequestIdFilter;
import org.labrange.interpretation.service.RangesUnavailableException;
import org.labrange.interpretation.service.UnknownSourcesException;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;
import org.labrange.problems.input.NoControlCharacters;

/** The service's only exception mapper: every error leaves as application/problem+json. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response rejected(RequestRejectedException e, UriInfo uri) {
        return problem(e.type(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unknownSources(UnknownSourcesException e, UriInfo uri) {
        return rejected(
                RequestRejectedException.validation(e.unknown().stream()
                        .map(u -> new Problem.FieldError(
                                "sources[" + u.index() + "]", "unknown source '" + u.code() + "'; known: " + u.known()))
                        .toList()),
                uri);
    }

    @ServerExceptionMapper
    public Response rangesUnavailable(RangesUnavailableException e, UriInfo uri) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Response.fromResponse(problem(
                        "ranges-unavailable",
                        e.getMessage()
                                + ". No result was interpreted, because a flag is never computed without its range.",
                        uri,
                        List.of()))
                .header("Retry-After", "10")
                .build();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedBodyException e, UriInfo uri) {
        if (e.json() instanceof JsonMappingException mapping && NoControlCharacters.refused(mapping)) {
            return rejected(
                    RequestRejectedException.validation(
                            List.of(new Problem.FieldError(fieldPath(mapping), mapping.getOriginalMessage()))),
                    uri);
        }
        return e.json() instanceof MismatchedInputException mismatch
                ? mismatched(mismatch, uri)
                : unreadable(e.json(), uri);
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return rejected(
                    RequestRejectedException.validation(List.of(
                            new Problem.FieldError(duplicate.group(1), "is given more than once in the same object"))),
                    uri);
        }
        return problem(
                "malformed-body",
                "the body is not valid JSON for this endpoint: " + e.getOriginalMessage(),
                uri,
                List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(
                        "unauthorized", "send a valid bearer token (role interpreter or ranges-admin)", uri, List.of()))
                .header("WWW-Authenticate", "Bearer realm=\"labrange\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem("forbidden", "interpreting results needs the role interpreter or ranges-admin", uri, List.of());
    }

    /** Wrong JSON types (e.g. a string where a list belongs); replaces the framework's own JSON answer. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String path = fieldPath(e);
        String reason = e instanceof UnrecognizedPropertyException unknown
                ? "is not a field of this request (known here: "
                        + unknown.getKnownPropertyIds().stream()
                                .map(String::valueOf)
                                .sorted()
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("none")
                        + ")"
                : e.getOriginalMessage();
        if (path.equals("body")) {
            return problem("malformed-body", "the body is not a JSON object: " + reason, uri, List.of());
        }
        return problem(
                "validation",
                "the body does not have the expected shape",
                uri,
                List.of(new Problem.FieldError(path, reason)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            // the body reader wraps JSON errors in a plain 400; say what was wrong with the body
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof JsonProcessingException json) {
                    return unreadable(json, uri);
                }
            }
        }
        ProblemType type = ProblemCatalogue.load().forHttpStatus(status);
        if (type.status().orElseThrow() >= 500) {
            LOG.error("request failed", e);
        }
        Response.ResponseBuilder answer = Response.fromResponse(problem(type, e.getMessage(), uri, List.of()));
        Object allow = e.getResponse().getHeaders().getFirst("Allow");
        return (allow == null ? answer : answer.header("Allow", allow)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(
                "internal",
                "the request could not be processed; the log has the details under this request's id",
                uri,
                List.of());
    }

    /** How the JSON parser words a key repeated in one object (strict duplicate detection, see JsonBodyReader). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.{1,200})'");

    static Response problem(String slug, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return problem(ProblemCatalogue.load().find(slug).orElseThrow(), detail, uri, errors);
    }

    static Response problem(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        int status = type.status().orElseThrow();
        Object requestId = org.jboss.logging.MDC.get(RequestIdFilter.MDC_KEY);
        Problem body = new Problem(
                type.uri(),
                type.title(),
                status,
                detail,
                uri == null ? null : uri.getPath(),
                errors.isEmpty() ? null : errors,
                requestId == null ? null : requestId.toString());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
