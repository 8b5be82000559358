package org.labrange.gateway.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a report request asks for, as far as the report's checks need it.
 *
 * @param results the results of the panel, in the order given
 * @param sources the sources the client named (empty when it named none)
 */
public record PanelRequest(List<RequestedResult> results, List<String> sources) {

    public PanelRequest {
        results = List.copyOf(results);
        sources = List.copyOf(sources);
    }

    /** One result of the panel: its id and when it was collected. */
    public record RequestedResult(Optional<String> id, Optional<String> collectedAt) {}
}
