package org.labrange.ranges.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives each test run its own, new PostgreSQL database, dropped at the end. It uses the server named by
 * LABRANGE_TEST_PG_URL (default: the local one on 127.0.0.1:5432) and falls back to an embedded real
 * PostgreSQL when none is reachable, so a laptop with only a JDK passes too.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String ADMIN_URL =
            env("LABRANGE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("LABRANGE_TEST_PG_USER").orElse("postgres");
    private static final String PASSWORD = env("LABRANGE_TEST_PG_PASSWORD").orElse("");

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        database =
                "labrange_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        adminUrl = ADMIN_URL;
        user = USER;
        password = PASSWORD;
        if (!reachable()) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "No PostgreSQL at " + ADMIN_URL + " and the embedded one failed to start", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        execute("CREATE DATABASE " + database);
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + database + (query >= 0 ? adminUrl.substring(query) : "");
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url,
                "quarkus.datasource.username",
                user,
                "quarkus.datasource.password",
                password);
    }

    @Override
    public void stop() {
        try {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(adminUrl, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + adminUrl, e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
