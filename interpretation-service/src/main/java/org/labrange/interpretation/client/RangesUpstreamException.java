package org.labrange.interpretation.client;

/** The ranges service failed to answer usefully (5xx, an unreadable body). Counts against the circuit breaker. */
public class RangesUpstreamException extends RuntimeException {

    public RangesUpstreamException(String message) {
        super(message);
    }

    public RangesUpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
