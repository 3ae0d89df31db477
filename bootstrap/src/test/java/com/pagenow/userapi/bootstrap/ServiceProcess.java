package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own ({@code java -cp <test class path> Main}), configured by environment as in
 * production, on a fixed loopback port, so that a test can kill it for real ({@link #kill()}: {@code SIGKILL}).
 * Its output goes to a log file under {@code target/}.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with {@code environment} (plus HOST and PORT); {@link #awaitListening} waits for it. */
    static ServiceProcess start(String name, Map<String, String> environment) {
        return start(name, environment, "256m");
    }

    /** As {@link #start(String, Map)}, with a heap of at most {@code maxHeap} ({@code -Xmx}). */
    static ServiceProcess start(String name, Map<String, String> environment, String maxHeap) {
        int port = ThrowAwayPostgres.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        try {
            Path log = Files.createDirectories(Path.of("target", "service-processes"))
                    .resolve(name + ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("PORT", Integer.toString(port));
            return new ServiceProcess(builder.start(), port, log);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    int port() {
        return port;
    }

    /** Waits until the port accepts connections, or fails with the process's log. */
    ServiceProcess awaitListening(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited " + process.exitValue() + ": " + logText());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("service not listening within " + limit.toSeconds() + " s: " + logText());
    }

    /** {@code SIGKILL}: no drain, no goodbye. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
