package org.labrange.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.labrange.gateway.config.GatewayConfig;

/**
 * The one door to the upstreams for the rest of the gateway. Every failure to get an answer
 * (refused connection, timeout, open breaker) comes out as an {@link UpstreamUnavailableException}
 * naming the upstream, which the API turns into a 503 problem document.
 */
@ApplicationScoped
public class Upstreams {

    private final Map<Upstream, UpstreamGuard> guards = new EnumMap<>(Upstream.class);
    private final UpstreamHttp http;
    private final GatewayConfig config;

    Upstreams(UpstreamHttp http, GatewayConfig config) {
        this.http = http;
        this.config = config;
        for (Upstream upstream : Upstream.values()) {
            guards.put(
                    upstream,
                    new UpstreamGuard(upstream, http, config.upstream().readTimeout()));
        }
    }

    /** A call guarded by the upstream's timeout, retry and circuit breaker. */
    public Uni<UpstreamResponse> call(Upstream upstream, UpstreamRequest request) {
        return guards.get(upstream)
                .send(request)
                .onFailure(failure -> !(failure instanceof UpstreamUnavailableException))
                .transform(failure -> translate(upstream, failure));
    }

    /**
     * An unguarded, short call for health and version look-ups: these must neither wait long nor
     * count against the circuit breaker of real traffic. They go to the upstream's management interface.
     */
    public Uni<UpstreamResponse> probe(Upstream upstream, String path) {
        Duration timeout = config.upstream().probeTimeout();
        return http.exchangeManagement(
                        upstream, UpstreamRequest.get(path, Map.of("Accept", "application/json")), timeout)
                .ifNoItem()
                .after(timeout.plusMillis(500))
                .failWith(() ->
                        new UpstreamUnavailableException(upstream, upstream.serviceName() + " did not answer", null));
    }

    public URI baseUrl(Upstream upstream) {
        return http.baseUrl(upstream);
    }

    private static RuntimeException translate(Upstream upstream, Throwable failure) {
        String name = upstream.serviceName();
        if (failure instanceof CircuitBreakerOpenException) {
            return new UpstreamUnavailableException(
                    upstream,
                    name + " is failing; calls are suspended for a short while (circuit breaker open)",
                    failure);
        }
        if (failure instanceof TimeoutException) {
            return new UpstreamUnavailableException(upstream, name + " did not answer in time", failure);
        }
        return new UpstreamUnavailableException(upstream, name + " is unavailable: " + failure.getMessage(), failure);
    }
}
