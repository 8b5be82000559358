package org.labrange.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.labrange.gateway.config.GatewayConfig;

/**
 * The plain HTTP transport to the upstreams: one non-blocking client (and connection pool) per
 * upstream. It knows nothing about retries or breakers; {@link UpstreamGuard} adds those.
 */
@ApplicationScoped
class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);

    private final GatewayConfig config;
    private final MeterRegistry meters;
    private final io.vertx.core.Vertx vertx;
    private final Map<Upstream, HttpClient> pools = new EnumMap<>(Upstream.class);
    private final Map<Upstream, WebClient> clients = new EnumMap<>(Upstream.class);
    private final Map<Upstream, URI> baseUrls = new EnumMap<>(Upstream.class);
    private final Map<Upstream, URI> managementUrls = new EnumMap<>(Upstream.class);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    UpstreamHttp(Vertx vertx, GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        baseUrls.put(Upstream.RANGES, config.rangesUrl());
        baseUrls.put(Upstream.INTERPRETATION, config.interpretationUrl());
        managementUrls.put(Upstream.RANGES, config.rangesManagementUrl());
        managementUrls.put(Upstream.INTERPRETATION, config.interpretationManagementUrl());
        this.vertx = vertx.getDelegate();
        for (Upstream upstream : Upstream.values()) {
            WebClientOptions options = new WebClientOptions()
                    .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                    .setMaxPoolSize(config.upstream().maxConnections())
                    .setKeepAlive(true)
                    .setFollowRedirects(false)
                    .setUserAgent("labrange-gateway");
            // one connection pool per upstream, shared by buffered calls and streamed ones
            HttpClient pool = this.vertx.createHttpClient(options);
            pools.put(upstream, pool);
            clients.put(upstream, WebClient.wrap(io.vertx.mutiny.core.http.HttpClient.newInstance(pool), options));
        }
    }

    URI baseUrl(Upstream upstream) {
        return baseUrls.get(upstream);
    }

    Uni<UpstreamResponse> exchange(Upstream upstream, UpstreamRequest request) {
        return exchange(upstream, request, config.upstream().readTimeout());
    }

    Uni<UpstreamResponse> exchange(Upstream upstream, UpstreamRequest request, Duration timeout) {
        return exchange(upstream, baseUrls.get(upstream), request, timeout);
    }

    /** A call to the upstream's management interface (health, build info), which has its own port. */
    Uni<UpstreamResponse> exchangeManagement(Upstream upstream, UpstreamRequest request, Duration timeout) {
        return exchange(upstream, managementUrls.get(upstream), request, timeout);
    }

    private Uni<UpstreamResponse> exchange(Upstream upstream, URI base, UpstreamRequest request, Duration timeout) {
        String url = join(base, request.pathAndQuery());
        HttpRequest<Buffer> call = clients.get(upstream)
                .requestAbs(HttpMethod.valueOf(request.method()), url)
                .timeout(timeout.toMillis());
        request.headers().forEach(call::putHeader);
        Uni<HttpResponse<Buffer>> sent = request.body()
                .map(bytes -> call.sendBuffer(Buffer.buffer(bytes)))
                .orElseGet(call::send);
        Timer.Sample sample = Timer.start(meters);
        return sent.map(UpstreamHttp::toResponse)
                .invoke(response -> record(sample, upstream, request, (response.status() / 100) + "xx"))
                .onFailure()
                .invoke(failure -> record(sample, upstream, request, "unavailable"))
                .onFailure()
                .transform(failure -> unavailable(upstream, request, failure));
    }

    private static UpstreamUnavailableException unavailable(
            Upstream upstream, UpstreamRequest request, Throwable failure) {
        String detail = upstream.serviceName() + " could not be reached: " + describe(failure);
        LOG.warnf(
                "%s %s on %s failed: %s",
                request.method(), request.pathAndQuery(), upstream.serviceName(), describe(failure));
        // A timed-out call may still be running upstream: only connection failures are retried.
        return request.idempotent() && !isTimeout(failure)
                ? new RetryableUpstreamException(upstream, detail, failure)
                : new UpstreamUnavailableException(upstream, detail, failure);
    }

    /**
     * A call whose answer is not read whole: it completes once status and headers have arrived, with the body
     * paused for {@link StreamedAnswer#writeTo}. {@code release} runs once when the answer is over, however it ends,
     * or when the call fails or is cancelled before the answer arrived.
     */
    Uni<StreamedAnswer> open(Upstream upstream, UpstreamRequest request, Runnable release) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(join(baseUrls.get(upstream), request.pathAndQuery()))
                .setIdleTimeout(config.upstream().readTimeout().toMillis())
                .setFollowRedirects(false);
        request.headers().forEach(options::putHeader);
        Timer.Sample sample = Timer.start(meters);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Uni<StreamedAnswer> answer = Uni.createFrom()
                .emitter(emitter -> pools.get(upstream)
                        .request(options)
                        .compose(call -> {
                            sent.set(call);
                            return request.body()
                                    .map(bytes -> call.send(io.vertx.core.buffer.Buffer.buffer(bytes)))
                                    .orElseGet(call::send);
                        })
                        .onSuccess(response -> {
                            // nothing may be read before the client's answer is ready to take it
                            response.pause();
                            record(sample, upstream, request, (response.statusCode() / 100) + "xx");
                            emitter.complete(streamed(upstream, response, release));
                        })
                        .onFailure(emitter::fail));
        return answer.onCancellation()
                .invoke(() -> {
                    HttpClientRequest call = sent.get();
                    if (call != null) {
                        call.reset();
                    }
                })
                .onFailure()
                .invoke(failure -> record(sample, upstream, request, "unavailable"))
                .onFailure()
                .transform(failure -> unavailable(upstream, request, failure));
    }

    private StreamedAnswer streamed(Upstream upstream, HttpClientResponse response, Runnable release) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers()
                .forEach(
                        entry -> headers.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), entry.getValue())));
        long[] deadline = new long[1];
        StreamedAnswer answer = new StreamedAnswer(upstream, response.statusCode(), headers, response, () -> {
            vertx.cancelTimer(deadline[0]);
            release.run();
        });
        deadline[0] = vertx.setTimer(config.upstream().answerTimeout().toMillis(), id -> answer.expire());
        return answer;
    }

    /**
     * One timer per upstream, method and outcome; paths are left out to keep the series few. The timers are
     * registered once and then looked up (building and registering one per call showed up at ~4 % of CPU).
     */
    private void record(Timer.Sample sample, Upstream upstream, UpstreamRequest request, String outcome) {
        sample.stop(timers.computeIfAbsent(
                upstream.serviceName() + ' ' + request.method() + ' ' + outcome,
                key -> Timer.builder("labrange.upstream.requests")
                        .description("Calls from the gateway to its upstream services")
                        .tag("upstream", upstream.serviceName())
                        .tag("method", request.method())
                        .tag("outcome", outcome)
                        .register(meters)));
    }

    private static UpstreamResponse toResponse(HttpResponse<Buffer> response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers()
                .forEach(
                        entry -> headers.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), entry.getValue())));
        Buffer body = response.body();
        return new UpstreamResponse(response.statusCode(), headers, body == null ? new byte[0] : body.getBytes());
    }

    private static String join(URI base, String pathAndQuery) {
        String root = base.toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return root + pathAndQuery;
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    @PreDestroy
    void close() {
        clients.values().forEach(WebClient::close);
        pools.values().forEach(HttpClient::close);
    }
}
