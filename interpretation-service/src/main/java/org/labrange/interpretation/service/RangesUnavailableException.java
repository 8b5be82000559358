package org.labrange.interpretation.service;

/** Ranges are needed, cannot be fetched and are not safely cached: the request is answered 503. */
public class RangesUnavailableException extends RuntimeException {

    public RangesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
