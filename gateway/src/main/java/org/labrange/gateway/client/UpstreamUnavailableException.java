package org.labrange.gateway.client;

/** An upstream could not be reached, did not answer in time, or its circuit breaker is open. */
public class UpstreamUnavailableException extends RuntimeException {

    private final Upstream upstream;

    public UpstreamUnavailableException(Upstream upstream, String detail, Throwable cause) {
        super(detail, cause);
        this.upstream = upstream;
    }

    public Upstream upstream() {
        return upstream;
    }
}
