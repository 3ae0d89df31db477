package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free loopback port, that a fault test may
 * stop, start and kill; or a streaming standby of one ({@link #standby()}). Never the machine's main cluster. Runs
 * the server as user {@code postgres} when the test runs as root (PostgreSQL refuses root).
 */
public final class ThrowAwayPostgres implements AutoCloseable {

    private static final Path BIN = findBin();

    private final Path dir;
    private final Path data;
    private final int port;
    private boolean running;

    private ThrowAwayPostgres(Path dir, Path data, int port) {
        this.dir = dir;
        this.data = data;
        this.port = port;
    }

    /** Whether the PostgreSQL server binaries are installed ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}). */
    public static boolean available() {
        return BIN != null;
    }

    /** A new, empty, started cluster with trust authentication for {@code postgres} on 127.0.0.1. */
    public static ThrowAwayPostgres start() {
        Path dir = tempDir("user-api-pg-");
        Path data = dir.resolve("data");
        run(List.of(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C.UTF-8"));
        ThrowAwayPostgres cluster = new ThrowAwayPostgres(dir, data, freePort());
        cluster.startServer();
        return cluster;
    }

    /** A streaming-replication standby of this cluster ({@code pg_basebackup -R}), started on its own port. */
    public ThrowAwayPostgres standby() {
        Path standbyDir = tempDir("user-api-pg-standby-");
        Path standbyData = standbyDir.resolve("data");
        run(List.of(
                BIN.resolve("pg_basebackup").toString(),
                "-D",
                standbyData.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-R",
                "-X",
                "stream",
                "--no-sync",
                "--checkpoint=fast"));
        ThrowAwayPostgres standby = new ThrowAwayPostgres(standbyDir, standbyData, freePort());
        standby.startServer();
        return standby;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database}, as user {@code postgres}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Creates a database and answers its JDBC URL. */
    public String createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "&connectTimeout=2");
    }

    public void execute(String database, String sql) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
    }

    /** A fast shutdown, as an operator or a failover does it: sessions are ended, the server stops. */
    public void stop() {
        if (running) {
            pgCtl("stop", "-m", "fast");
            running = false;
        }
    }

    /** Starts the stopped server again on the same port. */
    public void startAgain() {
        startServer();
    }

    @Override
    public void close() {
        try {
            if (running) {
                pgCtl("stop", "-m", "immediate");
                running = false;
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private void startServer() {
        pgCtl(
                "start",
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=60"
                        + " -c shared_buffers=16MB -c hot_standby_feedback=on");
        running = true;
    }

    private void pgCtl(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        runProcess(full, 120);
    }

    /** Runs a command to its end within {@code seconds}; fails with its output unless it exits with 0. */
    static void runProcess(List<String> command, int seconds) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            if (isRoot()) {
                new ProcessBuilder("chown", "postgres:postgres", dir.toString())
                        .start()
                        .waitFor();
            }
            return dir;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(
                            bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory: the system cleans it in the end.
        }
    }
}
