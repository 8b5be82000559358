package org.labrange.gateway.client;

import java.util.List;
import java.util.Map;

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

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
