package org.labrange.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The two settings the packaged (prod) gateway refuses to start without: its console's identity provider and client
 * secret, given under the environment variables' names as a deployment sets them. Nothing listens at that address:
 * the integration tests exercise the API, not the console's sign-in. Test-only values.
 */
public class ConsoleClientSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "LABRANGE_CONSOLE_OIDC_URL", "http://127.0.0.1:9/realms/labrange",
                "LABRANGE_CONSOLE_CLIENT_SECRET", "integration-test-only-secret");
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
