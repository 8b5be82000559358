package org.labrange.interpretation.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.labrange.interpretation.service.RangesUnavailableException;
import org.labrange.interpretation.service.UnknownSourcesException;

/** The service's only exception mapper: every error leaves as application/problem+json. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response rejected(RequestRejectedException e, UriInfo uri) {
        return problem(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
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
                        503,
                        "ranges-unavailable",
                        "Reference ranges unavailable",
                        e.getMessage()
                                + ". No result was interpreted, because a flag is never computed without its range.",
                        uri,
                        List.of()))
                .header("Retry-After", "10")
                .build();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedBodyException e, UriInfo uri) {
        return e.json() instanceof MismatchedInputException mismatch
                ? mismatched(mismatch, uri)
                : unreadable(e.json(), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return problem(
                400,
                "malformed-request",
                "Malformed request body",
                "the body is not valid JSON for this endpoint: " + e.getOriginalMessage(),
                uri,
                List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(
                        401,
                        "unauthorized",
                        "Authentication required",
                        "send a valid bearer token (role interpreter or ranges-admin)",
                        uri,
                        List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(
                403,
                "forbidden",
                "Forbidden",
                "interpreting results needs the role interpreter or ranges-admin",
                uri,
                List.of());
    }

    /** Wrong JSON types (e.g. a string where a list belongs); replaces the framework's own JSON answer. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
        String reason = e instanceof UnrecognizedPropertyException unknown
                ? "is not a field of this request (known here: "
                        + unknown.getKnownPropertyIds().stream()
                                .map(String::valueOf)
                                .sorted()
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("none")
                        + ")"
                : e.getOriginalMessage();
        return problem(
                400,
                "malformed-request",
                "Malformed request body",
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
            return problem(
                    400,
                    "malformed-request",
                    "Malformed request body",
                    "the body could not be read: " + e.getMessage(),
                    uri,
                    List.of());
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(
                status, "http-" + status, title == null ? "HTTP " + status : title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(
                500,
                "internal-error",
                "Internal error",
                "the request could not be processed; the log has the details under this request's id",
                uri,
                List.of());
    }

    static Response problem(
            int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(
                Problem.TYPE_BASE + slug,
                title,
                status,
                detail,
                uri == null ? null : uri.getPath(),
                errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
