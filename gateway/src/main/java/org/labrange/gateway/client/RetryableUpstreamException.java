package org.labrange.gateway.client;

/** A transport failure of an idempotent call: the only kind of failure the gateway retries. */
public class RetryableUpstreamException extends UpstreamUnavailableException {

    public RetryableUpstreamException(Upstream upstream, String detail, Throwable cause) {
        super(upstream, detail, cause);
    }
}
