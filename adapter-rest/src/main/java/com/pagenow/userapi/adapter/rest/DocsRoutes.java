package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /openapi.json} and the Swagger UI page {@code /docs}. Swagger UI comes from its webjar and is served by
 * this server ({@code /docs/{file}}, only the files the page loads), so the page works without internet access.
 */
final class DocsRoutes implements Routes {

    static final String DOCUMENT_RESOURCE = "openapi/openapi.json";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8");

    private final byte[] document;
    private final byte[] page;
    private final Map<String, byte[]> assets = new HashMap<>();

    DocsRoutes() {
        document = resource(DOCUMENT_RESOURCE);
        String version = swaggerUiVersion();
        ASSET_TYPES
                .keySet()
                .forEach(file ->
                        assets.put(file, resource("META-INF/resources/webjars/swagger-ui/" + version + "/" + file)));
        page = page(version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void register(Router router) {
        router.rawGet("/openapi.json", exchange -> send(exchange, "application/json", document));
        router.rawGet("/docs", exchange -> send(exchange, "text/html; charset=utf-8", page));
        router.rawGet("/docs/{file}", this::asset);
    }

    private void asset(HttpServerExchange exchange) {
        String file = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("file");
        // Only the whitelisted names are looked up, so no other path inside the jar can be reached.
        byte[] content = assets.get(file);
        if (content == null) {
            exchange.setStatusCode(404);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseSender()
                    .send("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Not Found\"}");
            return;
        }
        // The page asks for each file with ?v=<version>, so a new Swagger UI is a new URL to any cache.
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=86400");
        send(exchange, ASSET_TYPES.get(file), content);
    }

    private static void send(HttpServerExchange exchange, String contentType, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static String page(String version) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>user-api documentation</title>
                  <link rel="stylesheet" href="/docs/swagger-ui.css?v=%1$s">
                </head>
                <body>
                <div id="swagger-ui"></div>
                <script src="/docs/swagger-ui-bundle.js?v=%1$s"></script>
                <script src="/docs/swagger-ui-standalone-preset.js?v=%1$s"></script>
                <script>
                  window.ui = SwaggerUIBundle({
                    url: "/openapi.json",
                    dom_id: "#swagger-ui",
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    layout: "StandaloneLayout"
                  });
                </script>
                </body>
                </html>
                """.formatted(version);
    }

    /** The webjar's own version, so that upgrading it in the pom needs no code change here. */
    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = new ByteArrayInputStream(resource(WEBJAR_PROPERTIES))) {
            properties.load(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        String version = properties.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException(WEBJAR_PROPERTIES + " names no version");
        }
        return version.strip();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + name, unreadable);
        }
    }
}
