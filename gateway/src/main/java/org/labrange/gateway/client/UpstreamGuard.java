package org.labrange.gateway.client;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The fault tolerance of the calls to one upstream: a timeout that follows
 * {@code labrange.upstream.read-timeout}, retries of transport failures of idempotent calls only
 * ({@link RetryableUpstreamException}; writes are never repeated), and a circuit breaker of its own, so
 * that a failing upstream does not suspend calls to the other. HTTP error answers are not failures here:
 * they are passed on to the client unchanged. Buffered and streamed calls share the one guard, so they
 * share the breaker; for a streamed call the timeout covers the wait for status and headers.
 */
final class UpstreamGuard {

    private final TypedGuard<Uni<Object>> guard;

    UpstreamGuard(Upstream upstream, Duration timeout, Duration breakerDelay) {
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Object>>() {})
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
                // after this long, trial calls go through: a restarted upstream is back within it
                .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS)
                .successThreshold(2)
                .done()
                // the call is non-blocking: it runs on the caller's thread, as the annotations did
                .withThreadOffload(false)
                .build();
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> send(Supplier<Uni<T>> call) {
        return (Uni<T>) guard.get(() -> call.get().map(answer -> (Object) answer));
    }
}
