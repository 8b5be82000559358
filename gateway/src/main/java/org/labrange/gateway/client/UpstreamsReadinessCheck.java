package org.labrange.gateway.client;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.labrange.gateway.config.GatewayConfig;

/**
 * Reports whether each upstream answers its own readiness probe. By default the gateway stays
 * ready while an upstream is down (clients then get a clear 503 problem rather than no answer);
 * LABRANGE_HEALTH_UPSTREAMS_REQUIRED=true makes readiness follow the upstreams. Liveness never does.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final GatewayConfig config;

    UpstreamsReadinessCheck(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine()
                .all()
                .unis(probe(Upstream.RANGES), probe(Upstream.INTERPRETATION))
                .with((ranges, interpretation) -> {
                    boolean allUp = ranges && interpretation;
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams")
                            .withData(Upstream.RANGES.serviceName(), ranges ? "UP" : "DOWN")
                            .withData(Upstream.INTERPRETATION.serviceName(), interpretation ? "UP" : "DOWN")
                            .withData("upstreamsRequired", config.health().upstreamsRequired());
                    return builder.status(allUp || !config.health().upstreamsRequired())
                            .build();
                });
    }

    private Uni<Boolean> probe(Upstream upstream) {
        return upstreams
                .probe(upstream, "/q/health/ready")
                .map(response -> response.status() == 200)
                .onFailure()
                .recoverWithItem(false);
    }
}
