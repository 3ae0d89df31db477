package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check, a liveness check: {@code GET http://127.0.0.1:$PORT/ping}, exit 0 on 200 and 1
 * otherwise (also when nothing answers within 3 s). It does not ask the database ({@code /health} does, for alarms):
 * a database failover must not make the orchestrator replace every task, which could not start either. Plain JDK, no
 * logging, so that a short-lived JVM runs it in a few megabytes:
 * {@code java -cp /app/user-api.jar com.pagenow.userapi.bootstrap.HealthProbe} (infrastructure/Dockerfile).
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 3000;
    private static final String PATH = "/ping";

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8000");
        System.exit(healthy(port) ? 0 : 1);
    }

    static boolean healthy(String port) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + PATH).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            if (status != 200) {
                System.err.println("health: GET " + PATH + " answered " + status);
            }
            return status == 200;
        } catch (IOException | IllegalArgumentException unreachable) {
            System.err.println("health: GET " + PATH + " failed: " + unreachable.getMessage());
            return false;
        }
    }
}
