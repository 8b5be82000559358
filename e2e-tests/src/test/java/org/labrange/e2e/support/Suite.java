package org.labrange.e2e.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.labrange.e2e.LocalDatabase;
import org.labrange.gateway.contract.DocumentedAnswers;

/**
 * The whole system for the end-to-end tests, started once per test JVM: an embedded PostgreSQL that the
 * tests own (so they may stop it), and the three packaged services as real processes on free ports. A
 * key pair is generated per run; tokens are signed with it. {@link #withKeycloak()} is a second, separate
 * system whose services trust a real Keycloak instead, as in production.
 */
public final class Suite {

    private static Suite instance;
    private static Suite withKeycloak;

    private final Path root =
            Path.of(System.getProperty("labrange.root", "..")).toAbsolutePath().normalize();
    private final Path work;
    private final Path dataDir;
    private final int databasePort = freePort();
    private final KeyPair keys;
    private final Keycloak keycloak;
    private EmbeddedPostgres postgres;
    public final ServiceProcess ranges;
    public final ServiceProcess interpretation;
    public final ServiceProcess gateway;

    public static synchronized Suite get() {
        if (instance == null) {
            // Decimal values in answers compare as doubles (closeTo), whole numbers stay integers.
            io.restassured.RestAssured.config = io.restassured.RestAssured.config()
                    .jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
            // Every answer a test receives through rest-assured must be one the public document describes.
            DocumentedAnswers.install();
            instance = new Suite(false);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopAll));
        }
        return instance;
    }

    /**
     * The system signed in through Keycloak with the committed realm: the services verify bearer tokens against the
     * realm's JWKS and issuer, and the gateway's console signs users in on Keycloak's login page. Its database and
     * processes are its own; {@link #keycloak()} gives tokens, while {@link #token} signs with the run's key, which these
     * services do not trust.
     */
    public static synchronized Suite withKeycloak() {
        if (withKeycloak == null) {
            withKeycloak = new Suite(true);
            Runtime.getRuntime().addShutdownHook(new Thread(withKeycloak::stopAll));
        }
        return withKeycloak;
    }

    private Suite(boolean trustKeycloak) {
        try {
            work = Files.createTempDirectory("labrange-e2e");
            dataDir = work.resolve("pgdata");
            keys = generateKeys();
            Path publicKey = work.resolve("public.pem");
            Files.writeString(
                    publicKey,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes())
                                    .encodeToString(keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            Path logs = Path.of(System.getProperty("labrange.logs", "target/e2e-logs"));
            int rangesPort = freePort();
            int interpretationPort = freePort();
            int gatewayPort = freePort();
            Map<String, String> jwt;
            Map<String, String> console;
            if (trustKeycloak) {
                logs = logs.resolve("with-keycloak");
                keycloak = new Keycloak(root, freePort(), logs);
                keycloak.start("http://localhost:" + gatewayPort);
                jwt = Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        keycloak.jwksUrl(),
                        "MP_JWT_VERIFY_ISSUER",
                        keycloak.realmUrl());
                // the realm's development-only console secret (deploy/keycloak/labrange-realm.json)
                console = Map.of(
                        "LABRANGE_CONSOLE_OIDC_URL",
                        keycloak.realmUrl(),
                        "LABRANGE_CONSOLE_CLIENT_ID",
                        "labrange-console",
                        "LABRANGE_CONSOLE_CLIENT_SECRET",
                        "labrange-console-local-secret");
            } else {
                keycloak = null;
                jwt = Map.of(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        publicKey.toString(),
                        "MP_JWT_VERIFY_ISSUER",
                        "labrange-dev");
                // the packaged gateway requires both; nothing listens there, so the console cannot sign anyone in
                // in these runs (the API is what they test). Development-only secret.
                console = Map.of(
                        "LABRANGE_CONSOLE_OIDC_URL",
                        "http://localhost:" + freePort() + "/realms/labrange",
                        "LABRANGE_CONSOLE_CLIENT_SECRET",
                        "labrange-console-local-secret");
            }
            startDatabase();
            int rangesManagementPort = freePort();
            int interpretationManagementPort = freePort();
            ranges = new ServiceProcess(
                    "reference-ranges-service",
                    jar("reference-ranges-service"),
                    rangesPort,
                    rangesManagementPort,
                    merge(
                            jwt,
                            Map.of(
                                    "QUARKUS_DATASOURCE_JDBC_URL",
                                    postgres.getJdbcUrl("postgres", "labrange"),
                                    "QUARKUS_DATASOURCE_USERNAME",
                                    "postgres",
                                    "QUARKUS_DATASOURCE_PASSWORD",
                                    "")),
                    logs);
            interpretation = new ServiceProcess(
                    "interpretation-service",
                    jar("interpretation-service"),
                    interpretationPort,
                    interpretationManagementPort,
                    merge(
                            jwt,
                            Map.of(
                                    "LABRANGE_RANGES_URL",
                                    "http://localhost:" + rangesPort,
                                    // Short bounds so the fault tests see the documented behaviour quickly.
                                    "LABRANGE_RANGES_CHECK_INTERVAL",
                                    "1s",
                                    "LABRANGE_RANGES_MAX_STALENESS",
                                    "5s")),
                    logs);
            gateway = new ServiceProcess(
                    "gateway",
                    jar("gateway"),
                    gatewayPort,
                    freePort(),
                    merge(
                            merge(jwt, console),
                            Map.of(
                                    "LABRANGE_RANGES_URL",
                                    "http://localhost:" + rangesPort,
                                    "LABRANGE_INTERPRETATION_URL",
                                    "http://localhost:" + interpretationPort,
                                    "LABRANGE_RANGES_MANAGEMENT_URL",
                                    "http://localhost:" + rangesManagementPort,
                                    "LABRANGE_INTERPRETATION_MANAGEMENT_URL",
                                    "http://localhost:" + interpretationManagementPort)),
                    logs);
            ranges.start();
            interpretation.start();
            gateway.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identity provider of {@link #withKeycloak()}. */
    public Keycloak keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException(
                    "this system trusts the run's own key, not Keycloak: use Suite.withKeycloak()");
        }
        return keycloak;
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** A JSON request to the gateway as the holder of {@code token}. */
    public io.restassured.specification.RequestSpecification request(String token) {
        return io.restassured.RestAssured.given()
                .baseUri(gatewayUrl())
                .auth()
                .oauth2(token)
                .contentType("application/json");
    }

    /** Stops PostgreSQL as a crash would look to the services; the data stays. */
    public synchronized void stopDatabase() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts PostgreSQL again on the same port and data. */
    public synchronized void startDatabase() {
        try {
            postgres = LocalDatabase.start(dataDir, databasePort);
            LocalDatabase.ensureDatabase(postgres, "labrange");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token(String user, String... roles) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("labrange-dev");
            claims.setSubject(user);
            claims.setClaim("upn", user);
            claims.setStringListClaim("groups", List.of(roles));
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(60);
            claims.setGeneratedJwtId();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(keys.getPrivate());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public String admin() {
        return token("e2e-admin", "ranges-admin");
    }

    public String reader() {
        return token("e2e-reader", "ranges-reader");
    }

    public String interpreter() {
        return token("e2e-clinician", "interpreter");
    }

    private synchronized void stopAll() {
        gateway.stop();
        interpretation.stop();
        ranges.stop();
        if (keycloak != null) {
            keycloak.stop();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Could not stop the test PostgreSQL: " + e.getMessage());
        }
    }

    private Path jar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
