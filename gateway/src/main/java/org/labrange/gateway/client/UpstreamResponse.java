package org.labrange.gateway.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an upstream answered, kept as raw bytes so that it can be passed on unchanged.
 *
 * @param status  HTTP status
 * @param headers response headers in the order received (a name may repeat)
 * @param body    body bytes; empty when there was none
 */
public record UpstreamResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public UpstreamResponse {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
