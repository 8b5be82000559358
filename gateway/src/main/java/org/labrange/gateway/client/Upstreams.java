package org.labrange.gateway.client;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Map<Upstream, InFlightLimit> limits = new EnumMap<>(Upstream.class);
    private final UpstreamHttp http;
    private final GatewayConfig config;

    Upstreams(UpstreamHttp http, GatewayConfig config, MeterRegistry meters) {
        this.http = http;
        this.config = config;
        for (Upstream upstream : Upstream.values()) {
            guards.put(
                    upstream,
                    new UpstreamGuard(
                            upstream,
                            config.upstream().readTimeout(),
                            config.upstream().breakerDelay()));
            InFlightLimit limit = new InFlightLimit(config.upstream().maxInFlight());
            limits.put(upstream, limit);
            Gauge.builder("labrange.upstream.in-flight", limit, InFlightLimit::inFlight)
                    .description("Calls to the upstream in flight, forwarded answers until their last byte")
                    .tag("upstream", upstream.serviceName())
                    .register(meters);
        }
    }

    /**
     * A call guarded by the upstream's timeout, retry and circuit breaker, its answer read whole. Beyond the
     * upstream's in-flight limit it fails at once with an {@link UpstreamOverloadedException}.
     */
    public Uni<UpstreamResponse> call(Upstream upstream, UpstreamRequest request) {
        return Uni.createFrom().deferred(() -> {
            Runnable release = admit(upstream);
            return guarded(upstream, () -> http.exchange(upstream, request))
                    .onTermination()
                    .invoke(release);
        });
    }

    /**
     * A guarded call whose answer body is not read here but passed on as it arrives ({@link StreamedAnswer}); the
     * call keeps its place in the in-flight limit until the body is over.
     */
    public Uni<StreamedAnswer> stream(Upstream upstream, UpstreamRequest request) {
        return Uni.createFrom().deferred(() -> {
            Runnable release = admit(upstream);
            return guarded(upstream, () -> http.open(upstream, request, release))
                    .onFailure()
                    .invoke(release)
                    .onCancellation()
                    .invoke(release);
        });
    }

    private <T> Uni<T> guarded(Upstream upstream, java.util.function.Supplier<Uni<T>> call) {
        return guards.get(upstream)
                .send(call)
                .onFailure(failure -> !(failure instanceof UpstreamUnavailableException))
                .transform(failure -> translate(upstream, failure));
    }

    /** Takes a place in the upstream's limit; the returned action gives it back, once however often it runs. */
    private Runnable admit(Upstream upstream) {
        InFlightLimit limit = limits.get(upstream);
        if (!limit.tryAcquire()) {
            throw new UpstreamOverloadedException(upstream, limit.limit());
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                limit.release();
            }
        };
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
