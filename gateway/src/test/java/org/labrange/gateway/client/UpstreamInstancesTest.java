package org.labrange.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UpstreamInstancesTest {

    private static final URI A = URI.create("http://a:8081");
    private static final URI B = URI.create("http://b:8081");
    private static final URI C = URI.create("http://c:8081");

    private final AtomicLong now = new AtomicLong(1_000);
    private final UpstreamInstances instances =
            new UpstreamInstances(List.of(A, B, C), Duration.ofNanos(100), now::get);

    @Test
    void callsTakeTurnsAndEachOrderHoldsEveryInstance() {
        assertEquals(List.of(A, B, C), instances.order());
        assertEquals(List.of(B, C, A), instances.order());
        assertEquals(List.of(C, A, B), instances.order());
        assertEquals(List.of(A, B, C), instances.order());
    }

    @Test
    void anInstanceThatRefusedIsTriedLastUntilThePassOverEnds() {
        instances.refused(A);

        assertEquals(List.of(B, C, A), instances.order());
        assertEquals(List.of(B, C, A), instances.order());
        assertEquals(List.of(C, B, A), instances.order());

        now.addAndGet(100);
        assertEquals(List.of(A, B, C), instances.order());
    }

    @Test
    void withEveryInstancePassedOverAllAreStillTried() {
        instances.refused(A);
        instances.refused(B);
        instances.refused(C);

        assertEquals(3, instances.order().size());
    }

    @Test
    void anInstanceWithCallsStillInFlightIsTriedAfterTheOthers() {
        AtomicReference<UniEmitter<? super String>> slowAnswer = new AtomicReference<>();
        Cancellable pending = instances
                .counted(A, () -> Uni.createFrom().<String>emitter(slowAnswer::set))
                .subscribe()
                .with(answer -> {});

        assertEquals(1, instances.inFlight(A));
        assertEquals(List.of(B, C, A), instances.order(), "A's turn, but A has a call in flight");
        assertEquals(List.of(B, C, A), instances.order());
        assertEquals(List.of(C, B, A), instances.order());

        slowAnswer.get().complete("answered");
        assertEquals(0, instances.inFlight(A));
        assertEquals(List.of(A, B, C), instances.order());
        pending.cancel();
    }

    @Test
    void aCallIsNoLongerInFlightOnceItFailedOrWasCancelled() {
        instances
                .counted(A, () -> Uni.createFrom().failure(new IllegalStateException("refused")))
                .subscribe()
                .with(answer -> {}, failure -> {});
        assertEquals(0, instances.inFlight(A));

        Cancellable waiting = instances
                .counted(B, () -> Uni.createFrom().nothing())
                .subscribe()
                .with(answer -> {});
        assertEquals(1, instances.inFlight(B));
        waiting.cancel();
        assertEquals(0, instances.inFlight(B));
    }

    @Test
    void oneInstanceIsAlwaysTheOne() {
        UpstreamInstances single = new UpstreamInstances(List.of(A), Duration.ofSeconds(2), now::get);
        single.refused(A);
        assertEquals(List.of(A), single.order());
    }
}
