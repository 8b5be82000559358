package org.labrange.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Gives the application under test a free port for its management interface (health, metrics, info), so
 * that test runs side by side never fight over one. The same port serves the test mode
 * ({@code quarkus.management.test-port}) and the packaged application an integration test starts
 * ({@code quarkus.management.port}); tests reach it through {@link #port()}.
 */
public class ManagementPort implements QuarkusTestResourceLifecycleManager {

    private static volatile int port = -1;

    /** The management port of the application started last. */
    public static int port() {
        if (port < 0) {
            throw new IllegalStateException("ManagementPort is not a test resource of this test");
        }
        return port;
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = Integer.toString(port);
        return Map.of("quarkus.management.port", value, "quarkus.management.test-port", value);
    }

    @Override
    public void stop() {
        // nothing to release: the application closes the port when it stops
    }
}
