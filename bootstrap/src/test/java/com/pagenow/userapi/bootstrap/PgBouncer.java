package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer of the test's own (Debian's {@code pgbouncer}; configuration, log and pid file in a temporary
 * directory, a free loopback port) in transaction pooling mode in front of a PostgreSQL server: the local stand-in
 * for RDS Proxy. Like RDS Proxy it refuses unknown startup parameters ({@code options}) and hands each transaction
 * to whichever server connection is free, so session state (SET, LISTEN, advisory locks, named prepared
 * statements) does not survive from one transaction to the next. Every database name is passed through. Runs as
 * user {@code postgres} when the test runs as root (PgBouncer refuses root).
 */
final class PgBouncer implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    private final Path dir;
    private final int port;
    private final long pid;

    private PgBouncer(Path dir, int port, long pid) {
        this.dir = dir;
        this.port = port;
        this.pid = pid;
    }

    static boolean available() {
        return binary() != null;
    }

    /** Starts one in front of {@code host:port}, logging in there as {@code username} ({@code password} may be null). */
    static PgBouncer start(String host, int serverPort, String username, String password) {
        int port = ThrowAwayPostgres.freePort();
        try {
            Path dir = Files.createTempDirectory("user-api-pgbouncer-");
            Files.writeString(
                    dir.resolve("users.txt"), quoted(username) + " " + quoted(password == null ? "" : password) + "\n");
            Files.writeString(dir.resolve("pgbouncer.ini"), """
                    [databases]
                    * = host=%2$s port=%3$d
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %4$d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %1$s/users.txt
                    pool_mode = transaction
                    default_pool_size = 20
                    max_client_conn = 200
                    logfile = %1$s/pgbouncer.log
                    pidfile = %1$s/pgbouncer.pid
                    """.formatted(dir, host, serverPort, port));
            List<String> command = new ArrayList<>();
            String start = binary() + " -d " + dir.resolve("pgbouncer.ini");
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
                command.addAll(List.of("su", "postgres", "-s", "/bin/sh", "-c", start));
            } else {
                command.addAll(List.of("sh", "-c", start));
            }
            run(command);
            long pid = awaitPid(dir);
            PgBouncer bouncer = new PgBouncer(dir, port, pid);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    int port() {
        return port;
    }

    /** {@code jdbcUrl} (a {@code jdbc:postgresql://host:port/db...} URL) with this bouncer as host and port. */
    String through(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    /** What PgBouncer logged (connections, refusals). */
    String log() {
        try {
            return Files.readString(dir.resolve("pgbouncer.log"));
        } catch (IOException unreadable) {
            return "";
        }
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        });
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory: the system cleans it in the end.
        }
    }

    private void awaitListening() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("pgbouncer not listening on " + port + ": " + log());
    }

    private static long awaitPid(Path dir) throws IOException {
        Path pidFile = dir.resolve("pgbouncer.pid");
        for (int attempt = 0; attempt < 100; attempt++) {
            if (Files.exists(pidFile)) {
                String text =
                        Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            sleep(50);
        }
        Path log = dir.resolve("pgbouncer.log");
        throw new IllegalStateException("pgbouncer did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static void run(List<String> command) {
        ThrowAwayPostgres.runProcess(command, 30);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }
}
