package org.labrange.gateway.client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP call to an upstream.
 *
 * @param method      HTTP method
 * @param pathAndQuery raw (already encoded) path starting with {@code /}, with an optional query
 * @param headers     headers to send; names as given
 * @param body        request body, if any
 */
public record UpstreamRequest(String method, String pathAndQuery, Map<String, String> headers, Optional<byte[]> body) {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS");

    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }

    public static UpstreamRequest get(String pathAndQuery, Map<String, String> headers) {
        return new UpstreamRequest("GET", pathAndQuery, headers, Optional.empty());
    }

    /** Only these are ever retried: repeating a write could apply it twice. */
    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }
}
