package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Cognito user-pool emulator (npm {@code cognito-local} 5.3.0, installed by {@code .ci/setup.d/30-cognito-local.sh}
 * into {@code target/tools/cognito-local}) on a free loopback port, its pools and users under a temporary working
 * folder. Skips the test when Node.js is not installed. Its pools would want e-mail user names by default; the
 * working folder's {@code .cognito/config.json} turns that off, as Cognito user names here are not addresses.
 */
final class CognitoLocalProcess implements AutoCloseable {

    private final Process process;
    private final Path executable;
    private final Path workDir;
    private final int port;

    private CognitoLocalProcess(Process process, Path executable, Path workDir, int port) {
        this.process = process;
        this.executable = executable;
        this.workDir = workDir;
        this.port = port;
    }

    static CognitoLocalProcess start() {
        Assumptions.assumeTrue(
                S3rverProcess.onPath("node"),
                "Node.js is not installed: skipping the Cognito user deletion against cognito-local "
                        + "(apt-get install nodejs npm)");
        Path root = S3rverProcess.repositoryRoot();
        Path executable = root.resolve("target/tools/cognito-local/node_modules/.bin/cognito-local");
        if (!Files.isExecutable(executable)) {
            S3rverProcess.run(List.of(
                    "bash", root.resolve(".ci/setup.d/30-cognito-local.sh").toString()));
        }
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("cognito-local is not installed at " + executable
                    + " and .ci/setup.d/30-cognito-local.sh could not install it (is the npm registry reachable?)");
        }
        try {
            Path workDir = Files.createTempDirectory("cognito-local-");
            Files.createDirectories(workDir.resolve(".cognito"));
            Files.writeString(
                    workDir.resolve(".cognito/config.json"), "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            return launch(executable, workDir, port);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The emulator again, after {@link #close}, on the same port with the same pools and users. */
    CognitoLocalProcess restart() {
        return launch(executable, workDir, port);
    }

    private static CognitoLocalProcess launch(Path executable, Path workDir, int port) {
        try {
            ProcessBuilder builder = new ProcessBuilder(executable.toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("cognito-local.log").toFile());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("HOST", "127.0.0.1");
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "cognito-local exited: " + Files.readString(workDir.resolve("cognito-local.log")));
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new CognitoLocalProcess(process, executable, workDir, port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("cognito-local did not listen on port " + port + " within 60 s");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
