package com.pagenow.userapi.bootstrap;

import java.util.List;
import java.util.Set;

/** Where to listen and which browser origins may call (empty set: any origin). */
record HttpConfig(String host, int port, Set<String> corsAllowedOrigins, int metricsPort) {

    static HttpConfig from(Environment env, String defaultHost) {
        String host = env.get("HOST").orElse(defaultHost);
        int port = env.integer("PORT", 8000, 0, 65535);
        int metricsPort = env.integer("METRICS_PORT", 0, 0, 65535);
        List<String> origins = env.list("CORS_ALLOWED_ORIGINS");
        Set<String> allowed = origins.isEmpty() || origins.contains("*") ? Set.of() : Set.copyOf(origins);
        return new HttpConfig(host, port, allowed, metricsPort);
    }
}
