package org.labrange.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SharedRefreshTest {

    private final SharedRefresh<String> refresh = new SharedRefresh<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<UniEmitter<? super String>> pending = new AtomicReference<>();

    /** One upstream read, answered only when the test says so. */
    private Uni<String> read() {
        reads.incrementAndGet();
        return Uni.createFrom().<String>emitter(pending::set);
    }

    @Test
    void callersArrivingDuringARefreshShareItsOneRead() {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            refresh.get(this::read).subscribe().with(got::add);
        }

        assertEquals(1, reads.get(), "five callers while the read is under way: one read");
        pending.get().complete("sources v1");
        assertEquals(List.of("sources v1", "sources v1", "sources v1", "sources v1", "sources v1"), got);
    }

    @Test
    void aCallerAfterTheRefreshEndedStartsANewOne() {
        refresh.get(this::read).subscribe().with(v -> {});
        pending.get().complete("sources v1");

        AtomicReference<String> second = new AtomicReference<>();
        refresh.get(this::read).subscribe().with(second::set);
        assertEquals(2, reads.get());
        pending.get().complete("sources v2");
        assertEquals("sources v2", second.get());
    }

    @Test
    void aFailedRefreshReachesEveryWaiterAndIsNotKept() {
        List<Throwable> failures = new ArrayList<>();
        refresh.get(this::read).subscribe().with(v -> {}, failures::add);
        refresh.get(this::read).subscribe().with(v -> {}, failures::add);
        pending.get().fail(new IllegalStateException("ranges service down"));
        assertEquals(2, failures.size());

        AtomicReference<String> retried = new AtomicReference<>();
        refresh.get(this::read).subscribe().with(retried::set);
        assertEquals(2, reads.get(), "the failure is not kept: the next caller reads again");
        pending.get().complete("sources v1");
        assertEquals("sources v1", retried.get());
    }
}
