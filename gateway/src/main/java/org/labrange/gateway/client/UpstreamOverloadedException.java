package org.labrange.gateway.client;

/**
 * The gateway already has as many calls in flight to an upstream as it allows: the request is turned away at
 * once, before it reaches the upstream, rather than queued behind the others.
 */
public class UpstreamOverloadedException extends UpstreamUnavailableException {

    public UpstreamOverloadedException(Upstream upstream, int limit) {
        super(
                upstream,
                "The gateway has " + limit + " requests to " + upstream.serviceName()
                        + " in flight, as many as it allows; retry shortly.",
                null);
    }
}
