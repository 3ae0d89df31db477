package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real nginx of the test's own (own prefix, configuration and logs in a temporary directory, a free loopback
 * port) balancing round-robin over service instances on loopback. An instance that refuses connections is skipped
 * for a few seconds; a request that failed before it was sent is passed to the next instance (nginx never re-sends a
 * POST that reached an instance). No upstream keepalive: a kept connection to a killed instance would fail a POST
 * sent after the kill, which is nginx's behaviour, not the service's.
 */
final class NginxBalancer implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxBalancer(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    static boolean available() {
        return binary() != null;
    }

    static NginxBalancer start(List<Integer> upstreamPorts) {
        int port = ThrowAwayPostgres.freePort();
        try {
            Path prefix = Files.createTempDirectory("user-api-nginx-");
            Files.createDirectories(prefix.resolve("logs"));
            String upstreams = upstreamPorts.stream()
                    .map(upstream -> "    server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=5s;")
                    .collect(Collectors.joining("\n"));
            String config = """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 512; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/client_body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      upstream user_api {
                    %2$s
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://user_api;
                          proxy_http_version 1.1;
                          proxy_connect_timeout 1s;
                          proxy_read_timeout 30s;
                          proxy_next_upstream error timeout;
                        }
                      }
                    }
                    """.formatted(prefix, upstreams, port);
            Path configFile = prefix.resolve("nginx.conf");
            Files.writeString(configFile, config);
            Process process = new ProcessBuilder(
                            binary().toString(),
                            "-p",
                            prefix.toString(),
                            "-e",
                            prefix.resolve("logs/error.log").toString(),
                            "-c",
                            configFile.toString(),
                            "-g",
                            "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                    .start();
            NginxBalancer balancer = new NginxBalancer(process, prefix, port);
            balancer.awaitListening();
            return balancer;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log"))
                        + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx not listening on " + port);
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
            process.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(prefix)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory: the system cleans it in the end.
        }
    }

    private static Path binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }
}
