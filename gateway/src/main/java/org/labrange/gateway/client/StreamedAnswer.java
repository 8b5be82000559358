package org.labrange.gateway.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;

/**
 * An upstream answer whose status and headers have arrived and whose body has not been read yet: it is held
 * paused until {@link #writeTo} passes it on chunk by chunk, at the pace the client reads it, so the gateway never
 * holds more than a few chunks of it. Exactly one of {@link #writeTo} and {@link #discard} must be called; either
 * ends the call's place in the upstream's in-flight limit. An answer left unwritten is ended at its deadline
 * ({@code labrange.upstream.answer-timeout}), so its place and connection are never held for good.
 */
public final class StreamedAnswer {

    private static final Logger LOG = Logger.getLogger(StreamedAnswer.class);

    private final Upstream upstream;
    private final java.net.URI origin;
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final HttpClientResponse body;
    private final Runnable release;
    private final AtomicBoolean finished = new AtomicBoolean();
    private ServerHttpResponse out;
    private Consumer<Optional<Throwable>> done;

    StreamedAnswer(
            Upstream upstream,
            java.net.URI origin,
            int status,
            List<Map.Entry<String, String>> headers,
            HttpClientResponse body,
            Runnable release) {
        this.upstream = upstream;
        this.origin = origin;
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.release = release;
    }

    /** The base URL of the upstream instance that answered (links in its headers are relative to it). */
    public java.net.URI origin() {
        return origin;
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The length the upstream announced, when it did. */
    Optional<Long> contentLength() {
        String length = body.getHeader("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the answer has no body to pass on (a 204 or 304, or one announced empty). */
    boolean empty() {
        return status == 204
                || status == 304
                || (status >= 100 && status < 200)
                || contentLength().orElse(-1L) == 0;
    }

    /** Reads and drops the body (the connection goes back to the pool) without passing it on. */
    void discard() {
        body.exceptionHandler(failure -> finish());
        body.endHandler(end -> finish());
        body.handler(chunk -> {});
        body.resume();
    }

    /**
     * Passes the body on to the client. The client's answer is cut off (its connection closed) when the upstream
     * fails or stops part-way, or the answer outlasts its deadline, since its status has already been sent;
     * {@code done} is told either way.
     */
    void writeTo(ServerHttpResponse out, Consumer<Optional<Throwable>> done) {
        synchronized (this) {
            this.out = out;
            this.done = done;
        }
        if (finished.get()) {
            cutOff(new IllegalStateException("the answer ended before it could be passed on"));
            return;
        }
        contentLength()
                .ifPresentOrElse(
                        length -> out.setResponseHeader("Content-Length", String.valueOf(length)),
                        () -> out.setChunked(true));
        out.addCloseHandler(() -> {
            if (finish()) {
                // the client went away: stop reading an answer nobody will get
                body.request().reset();
                done.accept(Optional.empty());
            }
        });
        body.exceptionHandler(failure -> {
            if (finish()) {
                LOG.warnf("%s stopped part-way through its answer: %s", upstream.serviceName(), failure);
                cutOff(failure);
            }
        });
        body.endHandler(end -> {
            if (finish()) {
                out.end();
                done.accept(Optional.empty());
            }
        });
        body.handler(chunk -> {
            write(out, chunk);
            if (out.isWriteQueueFull()) {
                body.pause();
                out.addDrainHandler(body::resume);
            }
        });
        body.resume();
    }

    /** The answer's deadline has passed: whatever is still flowing is stopped. */
    void expire() {
        if (finish()) {
            LOG.warnf("%s's answer was not complete by its deadline; it is cut off", upstream.serviceName());
            body.request().reset();
            cutOff(new java.util.concurrent.TimeoutException("answer deadline"));
        }
    }

    private void cutOff(Throwable failure) {
        ServerHttpResponse client;
        Consumer<Optional<Throwable>> tell;
        synchronized (this) {
            client = out;
            tell = done;
        }
        if (client == null) {
            return;
        }
        client.reset();
        tell.accept(Optional.of(failure));
    }

    private static void write(ServerHttpResponse out, Buffer chunk) {
        out.write(chunk.getBytes());
    }

    /** True for the one caller that ends the answer. */
    private boolean finish() {
        if (finished.compareAndSet(false, true)) {
            release.run();
            return true;
        }
        return false;
    }
}
