package org.labrange.gateway.client;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The fault tolerance of the calls to one upstream: a timeout that follows
 * {@code labrange.upstream.read-timeout}, retries of transport failures of idempotent calls only
 * ({@link RetryableUpstreamException}; writes are never repeated), and a circuit breaker of its own, so
 * that a failing upstream does not suspend calls to the other. HTTP error answers are not failures here:
 * they are passed on to the client unchanged.
 */
final class UpstreamGuard {

    private final Upstream upstream;
    private final UpstreamHttp http;
    private final TypedGuard<Uni<UpstreamResponse>> guard;

    UpstreamGuard(Upstream upstream, UpstreamHttp http, Duration timeout) {
        this.upstream = upstream;
        this.http = http;
        this.guard = TypedGuard.create(new TypeLiteral<Uni<UpstreamResponse>>() {})
                .withDescription(upstream.serviceName())
                .withTimeout()
                .duration(timeout.toMillis(), ChronoUnit.MILLIS)
                .done()
                .withRetry()
                .maxRetries(2)
                .delay(200, ChronoUnit.MILLIS)
                .jitter(100, ChronoUnit.MILLIS)
                .retryOn(RetryableUpstreamException.class)
                .done()
                .withCircuitBreaker()
                .name(upstream.serviceName())
                .requestVolumeThreshold(20)
                .failureRatio(0.5)
                .delay(10, ChronoUnit.SECONDS)
                .successThreshold(2)
                .done()
                // the call is non-blocking: it runs on the caller's thread, as the annotations did
                .withThreadOffload(false)
                .build();
    }

    Uni<UpstreamResponse> send(UpstreamRequest request) {
        return guard.get(() -> http.exchange(upstream, request));
    }
}
