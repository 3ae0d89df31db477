package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3-compatible server (npm {@code s3rver}, installed by {@code .ci/setup.d/30-s3rver.sh} into
 * {@code target/tools/s3rver}) on a free loopback port, with one bucket, its data in a temporary folder. Skips the
 * test when Node.js is not installed; installs s3rver itself when Node.js is there but s3rver is not yet.
 */
final class S3rverProcess implements AutoCloseable {

    static final String ACCESS_KEY = "S3RVER";
    static final String SECRET_KEY = "S3RVER";
    private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");

    private final Process process;
    private final Path data;
    private final URI endpoint;
    private final Path executable;
    private final String bucket;

    private S3rverProcess(Process process, Path data, URI endpoint, Path executable, String bucket) {
        this.process = process;
        this.data = data;
        this.endpoint = endpoint;
        this.executable = executable;
        this.bucket = bucket;
    }

    static S3rverProcess start(String bucket) {
        Assumptions.assumeTrue(
                onPath("node"),
                "Node.js is not installed: skipping the S3 round trip against s3rver (apt-get install nodejs npm)");
        Path root = repositoryRoot();
        Path executable = root.resolve("target/tools/s3rver/node_modules/.bin/s3rver");
        if (!Files.isExecutable(executable)) {
            run(List.of("bash", root.resolve(".ci/setup.d/30-s3rver.sh").toString()));
        }
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("s3rver is not installed at " + executable
                    + " and .ci/setup.d/30-s3rver.sh could not install it (is the npm registry reachable?)");
        }
        try {
            return launch(executable, bucket, Files.createTempDirectory("s3rver-"), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The server again, after {@link #close}, on the same port and with the same objects (an outage ends). */
    S3rverProcess restart() {
        return launch(executable, bucket, data, endpoint.getPort());
    }

    private static S3rverProcess launch(Path executable, String bucket, Path data, int requestedPort) {
        try {
            Process process = new ProcessBuilder(
                            executable.toString(),
                            "--directory",
                            data.toString(),
                            "--address",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(requestedPort),
                            "--configure-bucket",
                            bucket)
                    .redirectErrorStream(true)
                    .start();
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(
                    () -> {
                        try {
                            for (String line; (line = output.readLine()) != null; ) {
                                Matcher listening = LISTENING.matcher(line);
                                if (listening.find()) {
                                    port.complete(Integer.parseInt(listening.group(1)));
                                }
                            }
                        } catch (IOException closed) {
                            // The process ended.
                        }
                        port.completeExceptionally(new IllegalStateException("s3rver stopped before listening"));
                    },
                    "s3rver-output");
            reader.setDaemon(true);
            reader.start();
            int bound = port.get(60, TimeUnit.SECONDS);
            return new S3rverProcess(process, data, URI.create("http://127.0.0.1:" + bound), executable, bucket);
        } catch (Exception failed) {
            throw new IllegalStateException("s3rver did not start", failed);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** The stored objects under the data folder, so a test can see that a delete removed the object. */
    Path data() {
        return data;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci/setup.d"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (.ci/setup.d) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static void run(List<String> command) {
        try {
            Process setup = new ProcessBuilder(command).inheritIO().start();
            setup.waitFor(5, TimeUnit.MINUTES);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
