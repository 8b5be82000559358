package org.labrange.e2e.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak as a real process: the distribution the build unpacked into target/keycloak, in development mode with an
 * in-memory database, importing the committed realm (deploy/keycloak/labrange-realm.json) with the test gateway's
 * address added to the console client's redirect addresses.
 */
public final class Keycloak {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Path realmFile;
    private final int port;
    private final Path log;
    private Process process;

    public Keycloak(Path root, int port, Path logDir) {
        this.home = Path.of(System.getProperty("labrange.keycloak.home", "target/keycloak/keycloak-26.4.0"));
        this.realmFile = root.resolve("deploy/keycloak/labrange-realm.json");
        this.port = port;
        this.log = logDir.resolve("keycloak.log");
    }

    /** The realm's address: its issuer, and the base of its discovery document, JWKS and token endpoint. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/labrange";
    }

    public String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    /** Starts Keycloak with the committed realm, whose console client also accepts {@code gatewayUrl}. */
    public synchronized void start(String gatewayUrl) {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: the build unpacks Keycloak in pre-integration-test "
                    + "(./mvnw -B verify -pl e2e-tests does)");
        }
        try {
            Path imports = home.resolve("data/import");
            deleteTree(imports);
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("labrange-realm.json"), realmFor(gatewayUrl));
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            kc.toString(), "start-dev", "--http-port=" + port, "--import-realm", "--db=dev-mem"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin-test-only");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
            // stopped with the test JVM even when a service after it fails to start
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
        await("Keycloak's realm labrange on " + realmUrl())
                // the first start also builds Keycloak's own configuration; on a busy two-core machine that and
                // the realm import took about two minutes together
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                    }
                    return answers(realmUrl() + "/.well-known/openid-configuration");
                });
    }

    /** An access token by the password grant of the command-line client, as a development user of the realm. */
    public String token(String username, String password) {
        String form = "grant_type=password&client_id=labrange-cli&username=" + encode(username) + "&password="
                + encode(password);
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token for " + username + ": " + answer.statusCode() + " " + answer.body());
            }
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String realmFor(String gatewayUrl) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        for (JsonNode client : realm.withArray("clients")) {
            if (client.path("clientId").asText().equals("labrange-console")) {
                ArrayNode redirects = ((ObjectNode) client).withArray("redirectUris");
                redirects.add(gatewayUrl + "/console/*");
                redirects.add(gatewayUrl + "/console");
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static boolean answers(String url) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
