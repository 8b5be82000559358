package org.labrange.gateway.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.labrange.gateway.api.RequestIds;
import org.labrange.gateway.client.Passthrough;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamOverloadedException;
import org.labrange.gateway.client.UpstreamUnavailableException;
import org.labrange.gateway.config.GatewayConfig;
import org.labrange.problems.ProblemCatalogue;

/** The gateway's single translation of failures into application/problem+json answers. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"labrange\"";

    private final ObjectMapper mapper;
    private final String retryAfterSeconds;

    public ProblemMapper(ObjectMapper mapper, GatewayConfig config) {
        this.mapper = mapper;
        // a suspended upstream is tried again after the breaker's delay: asking clients to wait longer only
        // delays their recovery
        this.retryAfterSeconds =
                String.valueOf(Math.max(1, (config.upstream().breakerDelay().toMillis() + 999) / 1000));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(
                "The bearer token is not valid: it is expired, malformed, or not signed by a trusted issuer.",
                uri,
                headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized("This endpoint needs a bearer token (Authorization: Bearer <JWT>).", uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of(
                "forbidden",
                "The token is valid but lacks a role this endpoint needs (see the API description for the roles).");
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response upstreamUnavailable(UpstreamUnavailableException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of("upstream-unavailable", e.getMessage())
                .naming(e.upstream().serviceName());
        return Response.fromResponse(respond(problem, uri, headers))
                .header("Retry-After", retryAfterSeconds)
                .build();
    }

    /** Load shed at the edge: the upstream was not called, so the client may retry as soon as it likes. */
    @ServerExceptionMapper
    public Response overloaded(UpstreamOverloadedException e, UriInfo uri, HttpHeaders headers) {
        Problem problem =
                Problem.of("overloaded", e.getMessage()).naming(e.upstream().serviceName());
        return Response.fromResponse(respond(problem, uri, headers))
                .header("Retry-After", "1")
                .build();
    }

    @ServerExceptionMapper
    public Response upstreamAnswer(UpstreamAnswerException e) {
        return Passthrough.toResponse(e.response(), java.util.Optional.empty());
    }

    /** Concurrent calls that fail together: the first failure decides the answer. */
    @ServerExceptionMapper
    public Response several(CompositeException e, UriInfo uri, HttpHeaders headers) {
        Throwable first = e.getCauses().isEmpty() ? e : e.getCauses().get(0);
        if (first instanceof UpstreamOverloadedException overloaded) {
            return overloaded(overloaded, uri, headers);
        }
        if (first instanceof UpstreamUnavailableException unavailable) {
            return upstreamUnavailable(unavailable, uri, headers);
        }
        if (first instanceof UpstreamAnswerException answer) {
            return upstreamAnswer(answer);
        }
        return unexpected(first, uri, headers);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of("validation", e.getMessage()).withErrors(e.errors());
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(Exception e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of("malformed-body", "The request body is not valid JSON of the expected shape.");
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Problem problem = Problem.of(
                ProblemCatalogue.load().forHttpStatus(status),
                status == 404 ? "No resource at this path." : e.getMessage());
        Response.ResponseBuilder builder = Response.fromResponse(respond(problem, uri, headers));
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        LOG.error("Unexpected failure", e);
        Problem problem =
                Problem.of("internal", "The gateway failed unexpectedly; quote the request id when reporting this.");
        return respond(problem, uri, headers);
    }

    private Response unauthorized(String detail, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of("unauthorized", detail);
        return Response.fromResponse(respond(problem, uri, headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .build();
    }

    Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        Problem located = problem.at(uri.getRequestUri().getRawPath(), RequestIds.of(headers));
        return Response.status(located.status())
                .type(MediaType.valueOf(Problem.MEDIA_TYPE))
                .entity(write(located))
                .build();
    }

    private String write(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
