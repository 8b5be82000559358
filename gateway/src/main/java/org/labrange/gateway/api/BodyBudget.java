package org.labrange.gateway.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bytes the gateway holds at once. Request bodies are read whole before they are forwarded, so many
 * large ones at the same time could exhaust the heap; beyond the budget a request is turned away before its body is
 * read. A request alone is always let in, so one body larger than the budget (but within the body limit) still
 * gets through.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    boolean tryReserve(long bytes) {
        while (true) {
            long current = held.get();
            if (current > 0 && current + bytes > limit) {
                return false;
            }
            if (held.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long limit() {
        return limit;
    }
}
