package com.pagenow.userapi.adapter.persistence.testing;

import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one test class, dropped by {@link #close()}.
 * <p>
 * {@link #postgres(Class)} creates a uniquely named database on the server named by the system property
 * {@code user.api.test.database.url} or the environment variable {@code USER_API_TEST_DATABASE_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), as user {@code user.api.test.database.user} /
 * {@code USER_API_TEST_DATABASE_USER} (default {@code postgres}) with the optional password
 * {@code user.api.test.database.password} / {@code USER_API_TEST_DATABASE_PASSWORD}.
 * {@link #h2(Class)} is an embedded H2 database in a temporary directory, as dev mode uses it.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Runnable drop;

    private TestDatabase(String jdbcUrl, String username, String password, Runnable drop) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.drop = drop;
    }

    /** A new PostgreSQL database named after {@code owner}. */
    public static TestDatabase postgres(Class<?> owner) {
        String serverUrl = setting("user.api.test.database.url", "USER_API_TEST_DATABASE_URL", DEFAULT_URL);
        String username = setting("user.api.test.database.user", "USER_API_TEST_DATABASE_USER", "postgres");
        String password = setting("user.api.test.database.password", "USER_API_TEST_DATABASE_PASSWORD", null);
        Matcher url = POSTGRES_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + serverUrl);
        }
        String name = databaseName(owner);
        String jdbcUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        try (Connection admin = DriverManager.getConnection(serverUrl, username, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database " + name + " on " + serverUrl
                            + " (is PostgreSQL running? set USER_API_TEST_DATABASE_URL): " + e.getMessage(),
                    e);
        }
        return new TestDatabase(jdbcUrl, username, password, () -> {
            try (Connection admin = DriverManager.getConnection(serverUrl, username, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
            }
        });
    }

    /** A new embedded H2 database (PostgreSQL mode, as dev mode opens it) in a temporary directory. */
    public static TestDatabase h2(Class<?> owner) {
        Path dir;
        try {
            dir = Files.createTempDirectory("user-api-" + owner.getSimpleName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestDatabase(Persistence.embeddedH2Url(dir), "sa", "", () -> deleteRecursively(dir));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Settings for {@link Persistence#start} with a small pool and no read replica. */
    public PersistenceSettings settings() {
        return PersistenceSettings.of(jdbcUrl, username, password).withPoolSize(4);
    }

    /** A plain JDBC connection, for setting up data behind the adapter's back. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Runs SQL text, which may hold several statements (PostgreSQL). */
    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** Runs a SQL script from the test class path, e.g. {@code legacy/schema.sql}. */
    public void executeResource(String resource) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No such resource: " + resource);
            }
            execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        drop.run();
    }

    private static String databaseName(Class<?> owner) {
        String base = owner.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.length() > 30) {
            base = base.substring(0, 30);
        }
        return "user_api_test_" + base + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
