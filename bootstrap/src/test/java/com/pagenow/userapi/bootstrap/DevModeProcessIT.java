package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dev mode as a user runs it, in its own JVM: starts with no setup, warns, accepts a token minted by the
 * {@code token} command, and on SIGTERM drains and exits 0.
 */
class DevModeProcessIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void devModeServesMintedTokensAndStopsCleanlyOnSigterm(@TempDir Path home) throws Exception {
        Process service = java(home, "dev").start();
        BlockingQueue<String> output = drain(service);
        try {
            int port = awaitPort(output);

            Process tokenCommand = java(home, "token", "--user", "dora", "--email", "dora@example.com")
                    .start();
            String token = new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(tokenCommand.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(tokenCommand.exitValue()).isZero();

            HttpResponse<String> created = send(port, "POST", token, "{\"first_name\":\"Dora\",\"last_name\":\"E\"}");
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(send(port, "GET", token, null).body()).contains("\"email\":\"dora@example.com\"");
            assertThat(send(port, "GET", "not-a-token", null).statusCode()).isEqualTo(401);
        } finally {
            service.toHandle().destroy(); // SIGTERM, leaving our end of the output pipe open to read the drain
        }
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isZero();
        readers.forEach(reader -> {
            try {
                reader.join(5000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(String.join("\n", seen))
                .contains("DEV MODE - NOT FOR PRODUCTION")
                .contains("Stopped");
    }

    private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ProcessBuilder java(Path home, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(!arguments[0].equals("token"));
        builder.environment().put("USER_API_HOME", home.toString());
        builder.environment().put("PORT", "0");
        return builder;
    }

    private BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    seen.add(line);
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
        return lines;
    }

    private static int awaitPort(BlockingQueue<String> output) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
        }
        throw new AssertionError("dev mode did not start within 60 s");
    }

    private HttpResponse<String> send(int port, String method, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/me"))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
