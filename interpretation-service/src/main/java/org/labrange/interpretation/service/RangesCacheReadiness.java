package org.labrange.interpretation.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the state of the ranges cache. Always UP: the service can answer (with 503 problems when ranges are
 * missing) and taking it out of rotation would not bring the ranges service back. It never calls the ranges
 * service, which would need a caller's token.
 */
@Readiness
@ApplicationScoped
public class RangesCacheReadiness implements HealthCheck {

    private final RangeCache cache;

    public RangesCacheReadiness(RangeCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        RangeCache.Freshness f = cache.freshness();
        return HealthCheckResponse.named("reference-ranges cache")
                .up()
                .withData("changeSequence", f.changeSequence())
                .withData("confirmedAt", f.confirmedAt().map(Object::toString).orElse("never"))
                .withData("lastCheckFailed", f.lastCheckFailed())
                .withData("cachedAnalytes", cache.cachedAnalytes().size())
                .build();
    }
}
