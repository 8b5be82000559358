package org.labrange.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PassthroughTest {

    private static final URI UPSTREAM = URI.create("http://ranges:8081");
    private static final URI GATEWAY = URI.create("https://labrange.example/");

    @Test
    void locationOnTheUpstreamOriginMovesToTheGatewayOrigin() {
        assertEquals(
                "https://labrange.example/api/v1/ranges/r-9",
                Passthrough.relocate("http://ranges:8081/api/v1/ranges/r-9", UPSTREAM, GATEWAY));
    }

    @Test
    void relativeOrForeignLocationIsLeftAlone() {
        assertEquals("/api/v1/ranges/r-9", Passthrough.relocate("/api/v1/ranges/r-9", UPSTREAM, GATEWAY));
        assertEquals("http://elsewhere/x", Passthrough.relocate("http://elsewhere/x", UPSTREAM, GATEWAY));
        assertEquals("http://ranges:80812/x", Passthrough.relocate("http://ranges:80812/x", UPSTREAM, GATEWAY));
    }
}
