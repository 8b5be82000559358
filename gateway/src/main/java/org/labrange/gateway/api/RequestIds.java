package org.labrange.gateway.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.labrange.gateway.client.Forwarder;

/** The correlation id: accepted from the caller when it is sane, otherwise created. */
public final class RequestIds {

    public static final String HEADER = Forwarder.REQUEST_ID_HEADER;
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {}

    /** Keeps a caller's id unless it could be used to forge log lines or blow up headers. */
    static String acceptOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    public static String of(HttpHeaders headers) {
        String id = headers.getHeaderString(HEADER);
        return id == null ? "unknown" : id;
    }
}
