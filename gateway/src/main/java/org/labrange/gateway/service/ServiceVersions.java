package org.labrange.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.client.Upstreams;
import org.labrange.gateway.config.GatewayConfig;

/**
 * The build version each upstream reports at {@code /q/info} (quarkus-info), for report
 * provenance. Versions are cached for a few minutes; an upstream without the endpoint gives an
 * empty answer, never a failure.
 */
@ApplicationScoped
public class ServiceVersions {

    private record Cached(Optional<String> version, Instant expires) {}

    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<Upstream, Cached> cache = new ConcurrentHashMap<>();

    ServiceVersions(Upstreams upstreams, ObjectMapper mapper, GatewayConfig config) {
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<Optional<String>> versionOf(Upstream upstream) {
        Cached cached = cache.get(upstream);
        if (cached != null && cached.expires().isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.version());
        }
        return upstreams
                .probe(upstream, "/q/info")
                .map(this::buildVersion)
                .onFailure()
                .recoverWithItem(Optional.empty())
                .invoke(version -> cache.put(
                        upstream,
                        new Cached(
                                version,
                                // an unknown version is asked again soon; a known one is kept longer
                                clock.instant()
                                        .plus(
                                                version.isPresent()
                                                        ? config.upstream().versionCacheTtl()
                                                        : java.time.Duration.ofSeconds(30)))));
    }

    private Optional<String> buildVersion(UpstreamResponse response) {
        if (!response.successful()) {
            return Optional.empty();
        }
        try {
            JsonNode info = mapper.readTree(response.body());
            JsonNode version = info.path("build").path("version");
            return version.isTextual() ? Optional.of(version.asText()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Forgets cached versions, so that tests start each case from an empty cache. */
    public void forget() {
        cache.clear();
    }
}
