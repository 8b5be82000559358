package org.labrange.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded, real PostgreSQL for machines without one. The data directory is kept, so the data
 * survives restarts. Prints the JDBC URL of database {@code labrange} and runs until killed.
 *
 * <p>Usage: {@code java -cp ... org.labrange.e2e.LocalDatabase <dataDir> <port>}, or
 * {@code ... LocalDatabase ensure <jdbcUrl> <user> <password>} to create the database of a JDBC URL on a
 * running server when it is missing (exit code 3 when the server cannot be reached).
 */
public final class LocalDatabase {

    private LocalDatabase() {}

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length > 0 && args[0].equals("ensure")) {
            System.exit(
                    ensureOnServer(args[1], args.length > 2 ? args[2] : "postgres", args.length > 3 ? args[3] : ""));
        }
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".labrange/pgdata").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 55432;
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = start(dataDir, port);
        ensureDatabase(postgres, "labrange");
        System.out.println("JDBC_URL=" + postgres.getJdbcUrl("postgres", "labrange"));
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }

    /** Starts (or restarts on the same data) a PostgreSQL on {@code port}. */
    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int ensureOnServer(String jdbcUrl, String user, String password) {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        String name = jdbcUrl.substring(slash + 1, query >= 0 ? query : jdbcUrl.length());
        String admin = jdbcUrl.substring(0, slash + 1) + "postgres" + (query >= 0 ? jdbcUrl.substring(query) : "");
        try (Connection c = java.sql.DriverManager.getConnection(admin, user, password);
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return 0;
                }
            }
            s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            System.out.println("created database " + name);
            return 0;
        } catch (SQLException e) {
            System.err.println("PostgreSQL not usable at " + admin + ": " + e.getMessage());
            return 3;
        }
    }

    public static void ensureDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        }
    }
}
