package org.labrange.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.labrange.gateway.config.GatewayConfig;

/** JSON reads from the upstreams for the aggregations, issued concurrently where they are independent. */
@ApplicationScoped
public class RangeReads {

    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final PastHistories past;
    private final long sourcesTtlNanos;
    private final AtomicReference<KeptSources> keptSources = new AtomicReference<>();
    private final SharedRefresh<Map<String, JsonNode>> sourcesRefresh = new SharedRefresh<>();

    /** The sources as read, and until when (in {@link System#nanoTime}) they are reused. */
    private record KeptSources(Map<String, JsonNode> byCode, long until) {}

    RangeReads(Upstreams upstreams, ObjectMapper mapper, GatewayConfig config) {
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.past = new PastHistories(
                config.reports().historyCacheSize(), config.reports().historyCacheMargin(), Clock.systemUTC());
        this.sourcesTtlNanos = config.reports().sourcesCacheTtl().toNanos();
    }

    /** A GET whose error answer (404 included) is passed to the client unchanged. */
    public Uni<JsonNode> getJson(Upstream upstream, String pathAndQuery, Map<String, String> headers) {
        return upstreams
                .call(upstream, UpstreamRequest.get(pathAndQuery, jsonHeaders(headers)))
                .map(response -> parse(upstream, response));
    }

    /** POSTs JSON; an error answer is passed to the client unchanged. */
    public Uni<JsonNode> postJson(Upstream upstream, String path, JsonNode body, Map<String, String> headers) {
        Map<String, String> sent = jsonHeaders(headers);
        sent.put("Content-Type", "application/json");
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return upstreams
                .call(upstream, new UpstreamRequest("POST", path, sent, Optional.of(bytes)))
                .map(response -> parse(upstream, response));
    }

    /**
     * Every source by code, reused for {@code labrange.reports.sources-cache-ttl} so that reports at steady state
     * read none (every role that may ask for a report or an overview may read the sources). When the kept list has
     * expired, reports that arrive together share one read ({@link SharedRefresh}), made with the token of the first.
     */
    public Uni<Map<String, JsonNode>> sources(Map<String, String> headers) {
        KeptSources kept = keptSources.get();
        if (kept != null && System.nanoTime() - kept.until() < 0) {
            return Uni.createFrom().item(kept.byCode());
        }
        return refreshedSources(headers);
    }

    /**
     * {@code sources} as {@link #sources} gave them, or read again at once when {@code named} holds a code they do not
     * know: a source created after the kept list was read. A report must neither call such a source unknown nor leave
     * out its name because the list it used was a few seconds old.
     */
    public Uni<Map<String, JsonNode>> sourcesKnowing(
            Map<String, JsonNode> sources, Set<String> named, Map<String, String> headers) {
        if (sources.keySet().containsAll(named)) {
            return Uni.createFrom().item(sources);
        }
        // a shared refresh that began before the source was created may still miss it: then a read of our own
        return refreshedSources(headers)
                .flatMap(read ->
                        read.keySet().containsAll(named) ? Uni.createFrom().item(read) : keep(readSources(headers)));
    }

    private Uni<Map<String, JsonNode>> refreshedSources(Map<String, String> headers) {
        if (sourcesTtlNanos <= 0) {
            return readSources(headers);
        }
        return sourcesRefresh.get(() -> keep(readSources(headers)));
    }

    private Uni<Map<String, JsonNode>> keep(Uni<Map<String, JsonNode>> read) {
        return sourcesTtlNanos <= 0
                ? read
                : read.invoke(
                        sources -> keptSources.set(new KeptSources(sources, System.nanoTime() + sourcesTtlNanos)));
    }

    private Uni<Map<String, JsonNode>> readSources(Map<String, String> headers) {
        return getJson(Upstream.RANGES, "/api/v1/sources", headers).map(array -> {
            Map<String, JsonNode> byCode = new LinkedHashMap<>();
            array.forEach(source -> byCode.put(source.path("code").asText(), source));
            return Collections.unmodifiableMap(byCode);
        });
    }

    /** The full history of each range, read concurrently; a range the service no longer finds maps to empty. */
    public Uni<Map<String, Optional<List<JsonNode>>>> histories(Set<String> rangeIds, Map<String, String> headers) {
        return histories(rangeIds, Optional.empty(), headers);
    }

    /**
     * The history of each range as known at {@code knownAt} (empty: now): only the revisions recorded by then,
     * with their valid periods as known then. Read concurrently; a range the service does not find maps to empty.
     */
    public Uni<Map<String, Optional<List<JsonNode>>>> histories(
            Set<String> rangeIds, Optional<String> knownAt, Map<String, String> headers) {
        if (rangeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = List.copyOf(rangeIds);
        List<Uni<Optional<List<JsonNode>>>> reads =
                ids.stream().map(id -> history(id, knownAt, headers)).toList();
        return Uni.join().all(reads).andFailFast().map(histories -> {
            Map<String, Optional<List<JsonNode>>> byId = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byId.put(ids.get(i), histories.get(i));
            }
            return byId;
        });
    }

    private Uni<Optional<List<JsonNode>>> history(
            String rangeId, Optional<String> knownAt, Map<String, String> headers) {
        Optional<List<JsonNode>> kept = knownAt.flatMap(at -> past.get(rangeId, at));
        if (kept.isPresent()) {
            return Uni.createFrom().item(kept);
        }
        return read(rangeId, knownAt, headers)
                .invoke(found ->
                        found.ifPresent(revisions -> knownAt.ifPresent(at -> past.keep(rangeId, at, revisions))));
    }

    private Uni<Optional<List<JsonNode>>> read(String rangeId, Optional<String> knownAt, Map<String, String> headers) {
        String path = "/api/v1/ranges/" + java.net.URLEncoder.encode(rangeId, java.nio.charset.StandardCharsets.UTF_8)
                + "/revisions"
                + knownAt.map(at ->
                                "?knownAt=" + java.net.URLEncoder.encode(at, java.nio.charset.StandardCharsets.UTF_8))
                        .orElse("");
        return upstreams
                .call(Upstream.RANGES, UpstreamRequest.get(path, jsonHeaders(headers)))
                .map(response -> {
                    if (response.status() == 404) {
                        return Optional.<List<JsonNode>>empty();
                    }
                    JsonNode array = parse(Upstream.RANGES, response);
                    List<JsonNode> revisions = new ArrayList<>();
                    array.forEach(revisions::add);
                    return Optional.of(List.copyOf(revisions));
                });
    }

    private JsonNode parse(Upstream upstream, UpstreamResponse response) {
        if (!response.successful()) {
            throw new UpstreamAnswerException(upstream, response);
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new org.labrange.gateway.client.UpstreamUnavailableException(
                    upstream, upstream.serviceName() + " answered with a body that is not JSON", e);
        }
    }

    private static Map<String, String> jsonHeaders(Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            // aggregations make their own requests: only identity and correlation travel
            if (name.equalsIgnoreCase("Authorization")
                    || name.equalsIgnoreCase(Forwarder.REQUEST_ID_HEADER)
                    || name.equalsIgnoreCase("Accept-Language")) {
                sent.put(name, value);
            }
        });
        sent.put("Accept", "application/json");
        return sent;
    }
}
