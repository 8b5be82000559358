package org.labrange.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forwards a public request to the upstream that owns it: same path, same raw query, the headers
 * the upstream needs (token, correlation id, conditional and content negotiation headers), the
 * body as received; the answer comes back unchanged apart from {@code Location}.
 */
@ApplicationScoped
public class Forwarder {

    /** The correlation id fixed at the edge travels to the upstreams under this name. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Request headers an upstream may need; everything else stays at the edge. */
    private static final List<String> FORWARDED = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE,
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_NONE_MATCH,
            HttpHeaders.IF_MODIFIED_SINCE,
            REQUEST_ID_HEADER);

    private final Upstreams upstreams;

    Forwarder(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public Uni<Response> read(Upstream upstream, UriInfo uri, HttpHeaders headers) {
        return forward(upstream, "GET", uri, headers, Optional.empty());
    }

    public Uni<Response> write(Upstream upstream, String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        return forward(upstream, method, uri, headers, Optional.ofNullable(body));
    }

    private Uni<Response> forward(
            Upstream upstream, String method, UriInfo uri, HttpHeaders headers, Optional<byte[]> body) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        String pathAndQuery = uri.getRequestUri().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        UpstreamRequest request = new UpstreamRequest(method, pathAndQuery, forwardedHeaders(headers), body);
        // the answer's body is passed on as it arrives, never held whole (a batch answer can be tens of MB); links
        // are made relative to the gateway from the instance that answered
        return upstreams.stream(upstream, request)
                .map(answer -> Passthrough.toResponse(
                        answer,
                        Optional.of(new AbstractMap.SimpleImmutableEntry<>(answer.origin(), uri.getBaseUri()))));
    }

    /** The headers passed on to upstreams for any call made on behalf of this request. */
    public static Map<String, String> forwardedHeaders(HttpHeaders headers) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                forwarded.put(name, value);
            }
        }
        return forwarded;
    }
}
