package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code user-api migrate} as the one-off ECS task runs it (its own JVM, settings from the environment) against a
 * fresh PostgreSQL database, and the service's side of the switch: {@code DATABASE_MIGRATE=false}.
 */
class MigrateCommandIT {

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.postgres(MigrateCommandIT.class);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void migrateAppliesEveryMigrationExitsZeroAndIsANoOpTheSecondTime() throws Exception {
        Run first = migrate(Map.of("DATABASE_URL", databaseUrl()));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout())
                .containsPattern("user-api: database jdbc:postgresql://\\S+ at schema version " + latestVersion()
                        + " \\(was empty\\); applied: 1, 2, ");
        assertThat(appliedVersions()).last().isEqualTo(latestVersion());

        Run second = migrate(Map.of("DATABASE_URL", databaseUrl()));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout())
                .contains("at schema version " + latestVersion() + " (was " + latestVersion() + "); applied: none");
    }

    @Test
    void migrateThatCannotReachTheDatabaseExitsOneWithOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run failed = migrate(Map.of(
                "DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere?user=x"
                        + "&password=hunter2&connectTimeout=2"));

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        List<String> ours = failed.stderr()
                .lines()
                .filter(line -> line.startsWith("user-api:"))
                .toList();
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0)).startsWith("user-api: migration failed: ").doesNotContain("hunter2");
        assertThat(failed.stdout() + failed.stderr()).doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void migrateWithoutADatabaseSettingExitsTwoNamingTheVariable() throws Exception {
        Run failed = migrate(Map.of());

        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.stderr()).contains("user-api: DATABASE_URL is not set");
    }

    @Test
    void serviceWithMigrationAtStartOffRefusesAnUnmigratedDatabaseNamingTheCommand() {
        assertThatThrownBy(() -> Production.start(environment(Map.of("DATABASE_MIGRATE", "false"))))
                .hasMessageContaining("database schema is empty")
                .hasMessageContaining("run 'user-api migrate' first");
        assertThat(appliedVersions()).isEmpty();
    }

    @Test
    void serviceWithMigrationAtStartOffStartsOnAMigratedDatabaseWithoutTouchingTheSchema() throws Exception {
        assertThat(migrate(Map.of("DATABASE_URL", databaseUrl())).exitCode()).isZero();
        List<String> before = appliedVersions();

        try (UserApi api = Production.start(environment(Map.of("DATABASE_MIGRATE", "false")))) {
            assertThat(api.port()).isPositive();
        }
        assertThat(appliedVersions()).isEqualTo(before);
    }

    @Test
    void serviceRefusesAMigrationSwitchThatIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> Production.start(environment(Map.of("DATABASE_MIGRATE", "sometimes"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DATABASE_MIGRATE must be true or false, got 'sometimes'");
    }

    // --- helpers ---

    private String databaseUrl() {
        String url = database.jdbcUrl();
        if (database.username() != null) {
            url += (url.contains("?") ? "&" : "?") + "user=" + database.username();
        }
        if (database.password() != null) {
            url += "&password=" + database.password();
        }
        return url;
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl());
        env.put("COGNITO_REGION", RunningService.REGION);
        env.put("COGNITO_POOL_ID", RunningService.POOL_ID);
        env.put("COGNITO_JWKS_URL", "http://127.0.0.1:9/.well-known/jwks.json");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("PROFILE_IMAGE_BUCKET_NAME", "user-api-test-images");
        env.put("AWS_REGION_NAME", "us-east-1");
        env.putAll(extra);
        return env;
    }

    /** The newest migration this build has, from the folders PostgreSQL reads (tests run in bootstrap/). */
    private static String latestVersion() throws IOException {
        Path migrations = Path.of("..", "adapter-persistence", "src", "main", "resources", "db", "migration");
        try (var files = java.util.stream.Stream.concat(
                java.nio.file.Files.list(migrations.resolve("common")),
                java.nio.file.Files.list(migrations.resolve("postgresql")))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare)
                    .map(String::valueOf)
                    .orElseThrow();
        }
    }

    private List<String> appliedVersions() {
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            ResultSet tables = connection.getMetaData().getTables(null, "public", "flyway_schema_history", null);
            if (!tables.next()) {
                return versions;
            }
            try (ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history "
                    + "WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }

    private static Run migrate(Map<String, String> environment) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "migrate");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(name ->
                        name.startsWith("DATABASE_") || name.startsWith("RDS_") || name.startsWith("POSTGRES_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("migrate did not finish within 120 s");
        }
        return new Run(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {}
}
