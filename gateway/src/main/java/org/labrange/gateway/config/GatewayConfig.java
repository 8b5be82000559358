package org.labrange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything a deployment of the gateway may change; each key has an environment variable twin. */
@ConfigMapping(prefix = "labrange")
public interface GatewayConfig {

    /**
     * Base URL of reference-ranges-service (LABRANGE_RANGES_URL); several instances as a comma-separated list, taken
     * in turn (in a cluster: the one Kubernetes Service URL).
     */
    @WithName("ranges.url")
    @WithDefault("http://localhost:8081")
    List<URI> rangesUrl();

    /** Base URL(s) of interpretation-service (LABRANGE_INTERPRETATION_URL), as for the ranges service. */
    @WithName("interpretation.url")
    @WithDefault("http://localhost:8082")
    List<URI> interpretationUrl();

    /**
     * reference-ranges-service's management interface: health and build info (LABRANGE_RANGES_MANAGEMENT_URL); with
     * several instances, a list in any order (a probe asks the next one when one does not answer).
     */
    @WithName("ranges.management-url")
    @WithDefault("http://localhost:9081")
    List<URI> rangesManagementUrl();

    /** interpretation-service's management interface(s) (LABRANGE_INTERPRETATION_MANAGEMENT_URL). */
    @WithName("interpretation.management-url")
    @WithDefault("http://localhost:9082")
    List<URI> interpretationManagementUrl();

    Upstream upstream();

    Edge edge();

    Reports reports();

    Health health();

    Fhir fhir();

    Console console();

    interface Upstream {
        /** Time allowed to open a TCP connection to an upstream. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time an upstream may stay silent while answering one request. */
        @WithDefault("10s")
        Duration readTimeout();

        /**
         * Longest time a forwarded answer may take from the call to its last byte: its status and headers come
         * within the read timeout, its body then streams to the client and is cut off at this point.
         */
        @WithDefault("60s")
        Duration answerTimeout();

        /** Connections kept per upstream. */
        @WithDefault("50")
        int maxConnections();

        /**
         * Calls to one upstream the gateway keeps in flight at once, a forwarded answer counting until its last
         * byte is sent; one more is answered 503 overloaded at once instead of waiting for a connection.
         */
        @WithDefault("100")
        int maxInFlight();

        /**
         * How long an upstream's open circuit breaker refuses calls before letting trial calls through; with the
         * upstream ready again, answers resume within about this long.
         */
        @WithDefault("1s")
        Duration breakerDelay();

        /**
         * With several instances of an upstream: how long one that refused a call without doing it (connection
         * refused, or closed while shutting down) is tried only after the others.
         */
        @WithDefault("2s")
        Duration instancePassOver();

        /** Time allowed to ask an upstream for its health or version. */
        @WithDefault("2s")
        Duration probeTimeout();

        /** How long a service version read from /q/info is reused. */
        @WithDefault("5m")
        Duration versionCacheTtl();
    }

    interface Edge {
        /**
         * Request bytes (as announced by Content-Length) the gateway reads and holds at once; a request that would
         * go beyond is answered 503 overloaded before its body is read, unless no other body is held. Default: a
         * quarter of the maximum heap.
         */
        Optional<Long> maxBodyBytesInFlight();
    }

    interface Reports {
        /** Above this many distinct ranges a report skips their histories (and says so). */
        @WithDefault("100")
        int maxRangeHistories();

        /**
         * Range histories as known at a past moment kept in memory (one entry per range and moment); 0 reads every
         * history from reference-ranges-service. Such a history never changes, so at steady state a report reads none.
         */
        @WithDefault("10000")
        int historyCacheSize();

        /**
         * How long the list of sources read for reports and overviews is reused (0: read for every one). Sources
         * change rarely; a renamed source shows in reports within this long.
         */
        @WithDefault("5s")
        Duration sourcesCacheTtl();

        /**
         * How far in the past a moment must be before a history as known then is kept: changes still committing
         * may carry a slightly earlier recording time.
         */
        @WithDefault("10s")
        java.time.Duration historyCacheMargin();
    }

    interface Health {
        /** When true, readiness goes DOWN while an upstream is unreachable; by default it only reports it. */
        @WithDefault("false")
        boolean upstreamsRequired();
    }

    interface Fhir {
        /**
         * The source whose flag fills a FHIR Observation's interpretation when sources disagree
         * (LABRANGE_FHIR_PRIMARY_SOURCE); without one, a disagreement gives one interpretation per flag.
         */
        Optional<String> primarySource();
    }

    interface Console {
        /**
         * The identity provider the console signs users in at (LABRANGE_CONSOLE_OIDC_URL); quarkus.oidc reads it from
         * here. Required, so that a deployment without it stops at start-up naming the variable (quarkus-oidc alone
         * would only say that its own property is missing).
         */
        String oidcUrl();

        /**
         * The console client's secret at the identity provider (LABRANGE_CONSOLE_CLIENT_SECRET); quarkus.oidc reads
         * it from here. Required for the same reason: without it quarkus-oidc would start and fail only at sign-in.
         * Never logged or shown.
         */
        String clientSecret();

        /** Mark the console's CSRF cookie Secure (LABRANGE_CONSOLE_SECURE_COOKIES): true wherever it is served over HTTPS. */
        @WithDefault("false")
        boolean secureCookies();
    }
}
