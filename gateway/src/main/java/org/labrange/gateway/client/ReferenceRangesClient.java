package org.labrange.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Calls to reference-ranges-service, guarded by one circuit breaker for the whole upstream (every call goes
 * through {@link #send}). Only transport failures of idempotent calls are retried
 * ({@link RetryableUpstreamException}); writes are never repeated. HTTP error answers are not
 * failures here: they are passed on to the client unchanged.
 */
@ApplicationScoped
public class ReferenceRangesClient {

    private final UpstreamHttp http;

    ReferenceRangesClient(UpstreamHttp http) {
        this.http = http;
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = RetryableUpstreamException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    public Uni<UpstreamResponse> send(UpstreamRequest request) {
        return http.exchange(Upstream.RANGES, request);
    }
}
