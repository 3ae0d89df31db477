package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first minutes of a new user, each in its own JVM as the launcher runs it: the token alone on standard
 * output, usage for help and unknown commands, dev mode's port, and one clear line for the two usual snags.
 */
class LauncherProcessIT {

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void tokenOnAFreshHomeIsAloneOnStandardOutputAndLogsGoToStandardError(@TempDir Path home) throws Exception {
        Finished token = run(home, Map.of(), "token", "--user", "alice", "--email", "alice@example.com");

        assertThat(token.exit()).isZero();
        assertThat(token.stdout().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line).matches(JWT));
        assertThat(token.stderr()).contains("Created dev signing key");
    }

    @Test
    void helpPrintsTheUsageOnStandardOutput(@TempDir Path home) throws Exception {
        for (String help : List.of("help", "--help", "-h")) {
            Finished finished = run(home, Map.of(), help);
            assertThat(finished.exit()).as(help).isZero();
            assertThat(finished.stdout())
                    .as(help)
                    .startsWith("usage: user-api")
                    .contains("dev [--port N]")
                    .contains("token --user");
        }
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExits2(@TempDir Path home) throws Exception {
        Finished finished = run(home, Map.of(), "serve");

        assertThat(finished.exit()).isEqualTo(2);
        assertThat(finished.stderr())
                .contains("unknown command 'serve'")
                .contains("usage: user-api")
                .doesNotContain("DATABASE_URL is not set");
        assertThat(finished.stdout()).isEmpty();
    }

    @Test
    void devModeListensOnThePortItIsGiven(@TempDir Path home) throws Exception {
        int port = freePort();
        Process dev = start(home, Map.of(), "dev", "--port", Integer.toString(port));
        try {
            assertThat(awaitListening(dev)).isEqualTo(port);
        } finally {
            stop(dev);
        }
        int viaEnvironment = freePort();
        Process devByEnv = start(home, Map.of("PORT", Integer.toString(viaEnvironment)), "dev");
        try {
            assertThat(awaitListening(devByEnv)).isEqualTo(viaEnvironment);
        } finally {
            stop(devByEnv);
        }
    }

    @Test
    void aPortInUseIsOneLineSayingWhatToDo(@TempDir Path home) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Finished finished = run(home, Map.of(), "dev", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(finished.exit()).isEqualTo(1);
            assertThat(lastLine(finished.stderr()))
                    .startsWith("user-api: could not listen: the port is already in use")
                    .contains("--port N");
            assertThat(finished.stderr()).doesNotContain("BindException").doesNotContain("\tat ");
        }
    }

    @Test
    void anEmbeddedDatabaseOpenInAnotherDevProcessIsOneLineSayingWhatToDo(@TempDir Path home) throws Exception {
        Process first = start(home, Map.of(), "dev", "--port", "0");
        try {
            awaitListening(first);
            Finished second = run(home, Map.of(), "dev", "--port", "0");

            assertThat(second.exit()).isEqualTo(1);
            assertThat(lastLine(second.stderr()))
                    .startsWith("user-api: the embedded database in " + home)
                    .contains("another dev process")
                    .contains("USER_API_HOME");
            assertThat(second.stderr()).doesNotContain("90020").doesNotContain("\tat ");
        } finally {
            stop(first);
        }
    }

    private record Finished(int exit, String stdout, String stderr) {}

    private static Finished run(Path home, Map<String, String> env, String... arguments) throws Exception {
        Process process = start(home, env, arguments);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("user-api " + String.join(" ", arguments) + " did not finish within 90 s");
        }
        return new Finished(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static Process start(Path home, Map<String, String> env, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PORT");
        builder.environment().put("USER_API_HOME", home.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The port of the "Listening on" log line, which dev mode writes to standard error. */
    private static int awaitListening(Process process) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("dev mode did not start listening");
    }

    private static void stop(Process process) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException closed) {
            return "";
        }
    }
}
