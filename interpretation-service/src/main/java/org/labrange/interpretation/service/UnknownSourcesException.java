package org.labrange.interpretation.service;

import java.util.List;

/** The request names source codes the ranges service does not know; the whole request is refused. */
public class UnknownSourcesException extends RuntimeException {

    /** One unknown code, at its position in the request's {@code sources} list. */
    public record UnknownSource(int index, String code, List<String> known) {}

    private final List<UnknownSource> unknown;

    public UnknownSourcesException(List<UnknownSource> unknown) {
        super(unknown.size() == 1 ? "1 source is unknown" : unknown.size() + " sources are unknown");
        this.unknown = List.copyOf(unknown);
    }

    public List<UnknownSource> unknown() {
        return unknown;
    }
}
