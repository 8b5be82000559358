package org.labrange.gateway.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls in flight to one upstream and refuses one more beyond the limit instead of making it wait:
 * a call waiting for a pooled connection ends as a timeout anyway, after having held its memory all along.
 */
final class InFlightLimit {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /** Takes a place; false, with nothing taken, when all places are in use. */
    boolean tryAcquire() {
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        inFlight.decrementAndGet();
    }

    int limit() {
        return limit;
    }

    int inFlight() {
        return inFlight.get();
    }
}
