package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the routes the whole service serves: none missing, none extra. */
class OpenApiDocumentIT {

    /** Swagger UI's own files are part of the documentation page, not of the API. */
    private static final String DOCS_ASSETS = "GET /docs/{file}";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(OpenApiDocumentIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void documentDescribesExactlyTheServedRoutes() {
        Set<String> served = new TreeSet<>();
        for (String route : service.api().routes()) {
            String method = route.substring(0, route.indexOf(' '));
            if (!route.equals(DOCS_ASSETS) && !method.equals("HEAD") && !method.equals("OPTIONS")) {
                served.add(route);
            }
        }

        Response response = service.get("/openapi.json", null);
        assertThat(response.status()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        response.json()
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (HTTP_METHODS.contains(method)) {
                        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));

        assertThat(served).as("served routes").isNotEmpty();
        assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void documentAndDocsPageAreServedWithoutToken() {
        Response document = service.get("/openapi.json", null);
        assertThat(document.header("Content-Type")).isEqualTo("application/json");
        JsonNode openapi = document.json();
        assertThat(openapi.path("openapi").asText()).startsWith("3.1.");

        Response page = service.get("/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui", "/openapi.json");
        assertThat(service.get("/docs/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    }
}
