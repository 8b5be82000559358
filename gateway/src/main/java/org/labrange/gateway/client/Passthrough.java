package org.labrange.gateway.client;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns an upstream answer into the gateway's answer without changing status, headers or body. */
public final class Passthrough {

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the gateway sets itself. */
    private static final Set<String> NOT_COPIED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length",
            "x-request-id");

    private Passthrough() {}

    /**
     * @param rewrite when present, the upstream origin and the gateway origin: an absolute
     *                {@code Location} on the upstream's origin is moved to the gateway's
     */
    public static Response toResponse(UpstreamResponse upstream, Optional<Map.Entry<URI, URI>> rewrite) {
        Response.ResponseBuilder builder = head(upstream.status(), upstream.headers(), rewrite);
        if (upstream.body().length > 0) {
            builder.entity(upstream.body());
        }
        return builder.build();
    }

    /**
     * The same for an answer whose body is still arriving: the body becomes the entity, written as it comes by
     * {@link StreamedAnswerWriter}; an answer without body is finished here.
     */
    static Response toResponse(StreamedAnswer upstream, Optional<Map.Entry<URI, URI>> rewrite) {
        Response.ResponseBuilder builder = head(upstream.status(), upstream.headers(), rewrite);
        if (upstream.empty()) {
            upstream.discard();
        } else {
            builder.entity(upstream);
        }
        return builder.build();
    }

    private static Response.ResponseBuilder head(
            int status, List<Map.Entry<String, String>> headers, Optional<Map.Entry<URI, URI>> rewrite) {
        Response.ResponseBuilder builder = Response.status(status);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase();
            if (NOT_COPIED.contains(name)) {
                continue;
            }
            String value = header.getValue();
            if ((name.equals("location") || name.equals("content-location")) && rewrite.isPresent()) {
                value = relocate(value, rewrite.get().getKey(), rewrite.get().getValue());
            }
            if (name.equals("content-type")) {
                builder.type(value);
            } else {
                builder.header(header.getKey(), value);
            }
        }
        return builder;
    }

    static String relocate(String location, URI upstreamBase, URI gatewayBase) {
        String upstreamOrigin = origin(upstreamBase);
        if (location.startsWith(upstreamOrigin + "/")) {
            return origin(gatewayBase) + location.substring(upstreamOrigin.length());
        }
        return location;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
