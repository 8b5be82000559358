package org.labrange.gateway.client;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * At most one refresh of a kept value at a time: a caller that arrives while a refresh is under way gets that
 * refresh's outcome instead of starting its own, so N concurrent callers of an expired value cost one upstream read,
 * not N. Once the refresh is over (value, failure or cancellation of the shared read), the next caller starts a new
 * one.
 */
final class SharedRefresh<T> {

    private final AtomicReference<Uni<T>> running = new AtomicReference<>();

    /** The refresh under way, or {@code refresh} started now and shared with whoever comes while it runs. */
    Uni<T> get(Supplier<Uni<T>> refresh) {
        return Uni.createFrom().deferred(() -> {
            while (true) {
                Uni<T> current = running.get();
                if (current != null) {
                    return current;
                }
                AtomicReference<Uni<T>> self = new AtomicReference<>();
                Uni<T> shared = Uni.createFrom()
                        .deferred(() -> refresh.get())
                        .onTermination()
                        .invoke(() -> running.compareAndSet(self.get(), null))
                        .memoize()
                        .indefinitely();
                self.set(shared);
                if (running.compareAndSet(null, shared)) {
                    return shared;
                }
            }
        });
    }
}
