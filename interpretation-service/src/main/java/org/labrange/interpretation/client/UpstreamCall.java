package org.labrange.interpretation.client;

import java.util.Optional;

/** What is passed on to the ranges service with each call: the caller's bearer token and correlation id. */
public record UpstreamCall(Optional<String> authorization, Optional<String> requestId) {

    public static UpstreamCall anonymous() {
        return new UpstreamCall(Optional.empty(), Optional.empty());
    }
}
