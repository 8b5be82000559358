package org.labrange.gateway.client;

/**
 * An upstream answered an aggregation's call with an error: the client gets that answer unchanged
 * (status, content type and problem document), never a half-built aggregate.
 */
public class UpstreamAnswerException extends RuntimeException {

    private final transient UpstreamResponse response;
    private final Upstream upstream;

    public UpstreamAnswerException(Upstream upstream, UpstreamResponse response) {
        super(upstream.serviceName() + " answered " + response.status());
        this.upstream = upstream;
        this.response = response;
    }

    public UpstreamResponse response() {
        return response;
    }

    public Upstream upstream() {
        return upstream;
    }
}
