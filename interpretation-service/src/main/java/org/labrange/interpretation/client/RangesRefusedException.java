package org.labrange.interpretation.client;

/**
 * The ranges service refused the forwarded credentials (401/403). Not retried and not counted as an outage:
 * the service is up, the caller's token is the problem.
 */
public class RangesRefusedException extends RuntimeException {

    private final int status;

    public RangesRefusedException(int status) {
        super("the ranges service refused the forwarded credentials (HTTP " + status + ")");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
