package org.labrange.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void placesBeyondTheLimitAreRefusedUntilOneIsGivenBack() {
        InFlightLimit limit = new InFlightLimit(2);

        assertTrue(limit.tryAcquire());
        assertTrue(limit.tryAcquire());
        assertFalse(limit.tryAcquire());
        assertEquals(2, limit.inFlight(), "a refused call takes no place");

        limit.release();
        assertTrue(limit.tryAcquire());
    }
}
