package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamRequest;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.client.Upstreams;

/**
 * The console's calls to the upstreams: the same guarded client the API uses, carrying the signed-in user's access
 * token as the bearer token, so the upstreams apply the same roles and record the same author as for an API call.
 */
@RequestScoped
public class ConsoleCalls {

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private final Upstreams upstreams;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    ConsoleCalls(Upstreams upstreams, SecurityIdentity identity, ObjectMapper mapper) {
        this.upstreams = upstreams;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** The headers every call on behalf of the signed-in user carries. */
    public Map<String, String> userHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token.getToken());
        }
        headers.put(Forwarder.REQUEST_ID_HEADER, java.util.UUID.randomUUID().toString());
        headers.put("Accept", "application/json");
        return headers;
    }

    /** A GET whose successful JSON answer is returned; an error answer is thrown as {@link UpstreamAnswerException}. */
    public JsonNode get(Upstream upstream, String pathAndQuery) {
        return json(upstream, exchange(upstream, UpstreamRequest.get(pathAndQuery, userHeaders())));
    }

    /** Any call; the answer comes back whatever its status, for pages that show a 412 or a 400 themselves. */
    public UpstreamResponse send(
            Upstream upstream, String method, String pathAndQuery, String contentType, byte[] body, String ifMatch) {
        Map<String, String> headers = userHeaders();
        headers.put("Content-Type", contentType);
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return exchange(upstream, new UpstreamRequest(method, pathAndQuery, headers, Optional.ofNullable(body)));
    }

    public UpstreamResponse sendJson(
            Upstream upstream, String method, String pathAndQuery, Object body, String ifMatch) {
        try {
            return send(upstream, method, pathAndQuery, "application/json", mapper.writeValueAsBytes(body), ifMatch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json(Upstream upstream, UpstreamResponse response) {
        if (!response.successful()) {
            throw new UpstreamAnswerException(upstream, response);
        }
        return parse(response.body());
    }

    public JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? mapper.nullNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Waits for a call on the worker thread the page is rendered on; timeouts and breakers are the client's. */
    public <T> T await(Uni<T> call) {
        return call.await().atMost(WAIT);
    }

    private UpstreamResponse exchange(Upstream upstream, UpstreamRequest request) {
        return await(upstreams.call(upstream, request));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
