package org.labrange.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.MDC;
import org.labrange.gateway.api.problem.Problem;
import org.labrange.gateway.config.GatewayConfig;

/**
 * The first thing every request meets: it fixes the correlation id (request header, response
 * header and log MDC) and turns away bodies announced larger than the limit with a problem document.
 */
@ApplicationScoped
public class EdgeFilter {

    /** Longest request target (path and query) served; longer ones are answered 414. */
    static final int MAX_TARGET_CHARS = 4096;
    /** Largest header section served; larger ones are answered 431. */
    static final long MAX_HEADER_BYTES = 20 * 1024;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EdgeFilter.class);

    private final ObjectMapper mapper;
    private final Optional<Long> maxBodyBytes;
    private final BodyBudget bodies;

    EdgeFilter(ObjectMapper mapper, GatewayConfig config) {
        this.mapper = mapper;
        this.bodies = new BodyBudget(
                config.edge().maxBodyBytesInFlight().orElse(Runtime.getRuntime().maxMemory() / 4));
        this.maxBodyBytes = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(size -> new MemorySizeConverter().convert(size).asLongValue());
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::filter);
        router.route().order(-1000).failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            String requestId = context.get(RequestIds.MDC_KEY);
            tooLarge(context, requestId);
            return;
        }
        context.next();
    }

    private void filter(RoutingContext context) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, requestId);
        context.response().putHeader(RequestIds.HEADER, requestId);
        context.put(RequestIds.MDC_KEY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        if (context.request().uri().length() > MAX_TARGET_CHARS) {
            refuse(
                    context,
                    Problem.of(
                            "uri-too-long",
                            "The request target is " + context.request().uri().length() + " characters long; at most "
                                    + MAX_TARGET_CHARS + " are accepted."),
                    requestId);
            return;
        }
        long headerBytes = headerBytes(context);
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(
                    context,
                    Problem.of(
                            "headers-too-large",
                            "The request headers take " + headerBytes + " bytes; at most " + MAX_HEADER_BYTES
                                    + " are accepted."),
                    requestId);
            return;
        }
        if (announcedTooLarge(context)) {
            tooLarge(context, requestId);
            return;
        }
        long announced = announcedLength(context);
        if (announced > 0) {
            if (!bodies.tryReserve(announced)) {
                context.response().putHeader("Retry-After", "1");
                refuse(
                        context,
                        Problem.of(
                                "overloaded",
                                "The gateway already holds as many request bytes as it allows (" + bodies.limit()
                                        + "); retry shortly."),
                        requestId);
                return;
            }
            context.addEndHandler(ended -> bodies.release(announced));
        }
        context.next();
    }

    private static long announcedLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long headerBytes(RoutingContext context) {
        long bytes = 0;
        for (var header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private void tooLarge(RoutingContext context, String requestId) {
        refuse(
                context,
                Problem.of(
                        "too-large",
                        "The request body is larger than the gateway accepts (" + maxBodyBytes.orElse(0L)
                                + " bytes); split the batch."),
                requestId);
    }

    private void refuse(RoutingContext context, Problem refusal, String requestId) {
        String path = context.request().path();
        Problem problem = refusal.at(path.length() > 200 ? path.substring(0, 200) : path, requestId);
        LOG.infof("refused before routing: %s", problem.title());
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(write(problem));
    }

    private boolean announcedTooLarge(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null || maxBodyBytes.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes.get();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String write(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
