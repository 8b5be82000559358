package org.labrange.gateway.client;

import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The instances of one upstream (base URLs) and the order in which a call tries them. A call goes first to the
 * instance with the fewest calls in flight, and among equals to the next in turn (round robin), so an instance that
 * answers slowly (a JVM just started, a noisy neighbour) is given less work instead of an equal share of it. An
 * instance that refused a call without doing its work (connection refused, or turned away while shutting down) is
 * tried last for a while, so a rolling restart sends almost no call to the instance that is going away. In a cluster
 * there is usually one URL, the Kubernetes Service, and this is a list of one.
 */
final class UpstreamInstances {

    private final List<URI> urls;
    private final long passOverNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger turn = new AtomicInteger();
    /** Per instance: until when (in {@code nanoTime}) it is tried last; 0 when it is not passed over. */
    private final AtomicLongArray passedOverUntil;
    /** Per instance: calls sent to it and not yet over. */
    private final AtomicIntegerArray inFlight;

    UpstreamInstances(List<URI> urls, Duration passOver, LongSupplier nanoTime) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an upstream needs at least one URL");
        }
        this.urls = List.copyOf(urls);
        this.passOverNanos = passOver.toNanos();
        this.nanoTime = nanoTime;
        this.passedOverUntil = new AtomicLongArray(urls.size());
        this.inFlight = new AtomicIntegerArray(urls.size());
    }

    /**
     * The instances in the order one call tries them: those with fewer calls in flight first, equals starting with
     * the next in turn, those recently passed over at the end. Every instance is in the list, so a call is refused
     * only when all of them refuse it.
     */
    List<URI> order() {
        int n = urls.size();
        if (n == 1) {
            return urls;
        }
        int start = Math.floorMod(turn.getAndIncrement(), n);
        long now = nanoTime.getAsLong();
        List<URI> ready = new ArrayList<>(n);
        List<URI> passedOver = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            long until = passedOverUntil.get(i);
            (until != 0 && now - until < 0 ? passedOver : ready).add(urls.get(i));
        }
        // stable: instances with as many calls in flight keep their turn order
        ready.sort(Comparator.comparingInt(this::inFlight));
        ready.addAll(passedOver);
        return ready;
    }

    /** The call on {@code url}, counted as in flight on that instance from subscription until it is over. */
    <T> Uni<T> counted(URI url, Supplier<Uni<T>> call) {
        int i = urls.indexOf(url);
        if (i < 0 || urls.size() == 1) {
            return call.get();
        }
        return Uni.createFrom().deferred(() -> {
            inFlight.incrementAndGet(i);
            return call.get().onTermination().invoke(() -> inFlight.decrementAndGet(i));
        });
    }

    /** Calls sent to the instance and not yet over. */
    int inFlight(URI url) {
        int i = urls.indexOf(url);
        return i < 0 ? 0 : inFlight.get(i);
    }

    /** The instance refused a call without doing its work: try it last for the pass-over period. */
    void refused(URI url) {
        int i = urls.indexOf(url);
        if (i >= 0) {
            passedOverUntil.set(i, nanoTime.getAsLong() + passOverNanos);
        }
    }
}
