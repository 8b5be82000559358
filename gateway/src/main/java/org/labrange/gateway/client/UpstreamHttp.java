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
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.labrange.gateway.config.GatewayConfig;

/**
 * The plain HTTP transport to the upstreams: one non-blocking client (and connection pool) per
 * upstream. With several instances of an upstream ({@link UpstreamInstances}) a call that one instance did not take
 * goes to the next within the same attempt. It knows nothing about retries or breakers; {@link UpstreamGuard} adds
 * those.
 */
@ApplicationScoped
class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);

    private final GatewayConfig config;
    private final MeterRegistry meters;
    private final io.vertx.core.Vertx vertx;
    private final Map<Upstream, HttpClient> pools = new EnumMap<>(Upstream.class);
    private final Map<Upstream, WebClient> clients = new EnumMap<>(Upstream.class);
    private final Map<Upstream, UpstreamInstances> instances = new EnumMap<>(Upstream.class);
    private final Map<Upstream, UpstreamInstances> managementInstances = new EnumMap<>(Upstream.class);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    UpstreamHttp(Vertx vertx, GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        Duration passOver = config.upstream().instancePassOver();
        instances.put(Upstream.RANGES, new UpstreamInstances(config.rangesUrl(), passOver, System::nanoTime));
        instances.put(
                Upstream.INTERPRETATION, new UpstreamInstances(config.interpretationUrl(), passOver, System::nanoTime));
        managementInstances.put(
                Upstream.RANGES, new UpstreamInstances(config.rangesManagementUrl(), passOver, System::nanoTime));
        managementInstances.put(
                Upstream.INTERPRETATION,
                new UpstreamInstances(config.interpretationManagementUrl(), passOver, System::nanoTime));
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

    Uni<UpstreamResponse> exchange(Upstream upstream, UpstreamRequest request) {
        return exchange(upstream, request, config.upstream().readTimeout());
    }

    Uni<UpstreamResponse> exchange(Upstream upstream, UpstreamRequest request, Duration timeout) {
        return inTurn(
                upstream, instances.get(upstream), request, base -> exchangeOnce(upstream, base, request, timeout));
    }

    /** A call to the upstream's management interface (health, build info), which has its own port. */
    Uni<UpstreamResponse> exchangeManagement(Upstream upstream, UpstreamRequest request, Duration timeout) {
        return inTurn(
                upstream,
                managementInstances.get(upstream),
                request,
                base -> exchangeOnce(upstream, base, request, timeout));
    }

    /** The call made on the instances in the order they are due, see {@link #onInstance}. */
    private <T> Uni<T> inTurn(
            Upstream upstream, UpstreamInstances candidates, UpstreamRequest request, Function<URI, Uni<T>> call) {
        return onInstance(upstream, candidates, candidates.order(), 0, request, call);
    }

    /**
     * The call on the {@code attempt}-th instance of {@code order}; when that instance did not take the call (see
     * {@link #notTaken}) and another is left, on the next one, without counting a failure against the upstream.
     */
    private <T> Uni<T> onInstance(
            Upstream upstream,
            UpstreamInstances candidates,
            List<URI> order,
            int attempt,
            UpstreamRequest request,
            Function<URI, Uni<T>> call) {
        URI base = order.get(attempt);
        Uni<T> once = candidates.counted(base, () -> call.apply(base));
        if (attempt + 1 >= order.size()) {
            return once.onFailure().transform(failure -> unavailable(upstream, request, failure));
        }
        return once.onFailure(failure -> notTaken(upstream, request, failure))
                .recoverWithUni(failure -> {
                    candidates.refused(base);
                    LOG.debugf(
                            "%s at %s did not take the call (%s); trying the next instance",
                            upstream.serviceName(), base, describe(failure));
                    return onInstance(upstream, candidates, order, attempt + 1, request, call);
                })
                .onFailure(failure -> !(failure instanceof UpstreamUnavailableException))
                .transform(failure -> unavailable(upstream, request, failure));
    }

    private Uni<UpstreamResponse> exchangeOnce(Upstream upstream, URI base, UpstreamRequest request, Duration timeout) {
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
                .invoke(failure -> record(sample, upstream, request, "unavailable"));
    }

    /**
     * True when the instance certainly did no work for the call, so that it may go to another instance: the
     * connection could not be made (the instance is down or restarting), or the call is one that may be repeated
     * ({@link #repeatable}) and failed for any reason but a timeout (e.g. the instance closed the connection while
     * shutting down). A write whose connection broke is never sent again: it may have been applied.
     */
    private static boolean notTaken(Upstream upstream, UpstreamRequest request, Throwable failure) {
        if (isTimeout(failure)) {
            return false;
        }
        return causedBy(failure, java.net.ConnectException.class) || repeatable(upstream, request);
    }

    /**
     * Calls that change nothing upstream: reads, and every call to interpretation-service, which is stateless (an
     * interpretation computed twice is the same interpretation).
     */
    static boolean repeatable(Upstream upstream, UpstreamRequest request) {
        return request.idempotent() || upstream == Upstream.INTERPRETATION;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static UpstreamUnavailableException unavailable(
            Upstream upstream, UpstreamRequest request, Throwable failure) {
        String detail = upstream.serviceName() + " could not be reached: " + describe(failure);
        LOG.warnf(
                "%s %s on %s failed: %s",
                request.method(), request.pathAndQuery(), upstream.serviceName(), describe(failure));
        // A timed-out call may still be running upstream: only connection failures are retried.
        return repeatable(upstream, request) && !isTimeout(failure)
                ? new RetryableUpstreamException(upstream, detail, failure)
                : new UpstreamUnavailableException(upstream, detail, failure);
    }

    /**
     * A call whose answer is not read whole: it completes once status and headers have arrived, with the body
     * paused for {@link StreamedAnswer#writeTo}. {@code release} runs once when the answer is over, however it ends,
     * or when the call fails or is cancelled before the answer arrived.
     */
    Uni<StreamedAnswer> open(Upstream upstream, UpstreamRequest request, Runnable release) {
        return inTurn(upstream, instances.get(upstream), request, base -> openOnce(upstream, base, request, release));
    }

    private Uni<StreamedAnswer> openOnce(Upstream upstream, URI base, UpstreamRequest request, Runnable release) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(join(base, request.pathAndQuery()))
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
                            emitter.complete(streamed(upstream, base, response, release));
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
                .invoke(failure -> record(sample, upstream, request, "unavailable"));
    }

    private StreamedAnswer streamed(Upstream upstream, URI base, HttpClientResponse response, Runnable release) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers()
                .forEach(
                        entry -> headers.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), entry.getValue())));
        long[] deadline = new long[1];
        StreamedAnswer answer = new StreamedAnswer(upstream, base, response.statusCode(), headers, response, () -> {
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
