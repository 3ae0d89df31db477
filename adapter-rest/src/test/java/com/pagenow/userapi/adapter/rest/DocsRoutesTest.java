package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} and {@code /docs} over real HTTP, and the document checked against what the adapter
 * actually serves and writes. Use cases run on in-memory fakes; a token is the user id itself.
 */
class DocsRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final HttpClient http = HttpClient.newHttpClient();
    private RestServer server;

    @BeforeEach
    void start() {
        InMemoryUserRepository users = new InMemoryUserRepository();
        DirectTransactionRunner transactions = new DirectTransactionRunner();
        InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
        Clock clock = Clock.systemUTC();
        UserProfileService profiles =
                new UserProfileService(users, friendships.blocks(), friendships.blocks(), transactions, clock);
        FriendshipService friends =
                new FriendshipService(users, friendships, friendships.blocks(), transactions, clock);
        FriendshipQueryService queries =
                new FriendshipQueryService(friendships, friendships.graph(), friendships.blocks());
        server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                token -> {
                    if (token.isBlank() || token.contains("@")) {
                        throw new TokenRejectedException("malformed");
                    }
                    return new Caller(UserId.of(token), Email.of(token + "@example.com"));
                },
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new UserRoutes(profiles), new FriendshipRoutes(friends, queries)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openApiDocumentIsServedWithoutToken() throws Exception {
        HttpResponse<String> response = get("/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.path("paths").size()).isGreaterThan(20);
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void docsPageLoadsSwaggerUiFromThisServerPointedAtTheDocument() throws Exception {
        HttpResponse<String> response = get("/docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body())
                .contains("swagger-ui")
                .contains("\"/openapi.json\"")
                .contains("src=\"/docs/swagger-ui-bundle.js")
                .contains("src=\"/docs/swagger-ui-standalone-preset.js")
                .contains("href=\"/docs/swagger-ui.css")
                .doesNotContain("https://", "http://");
    }

    @Test
    void everyAssetThePageLoadsIsServed() throws Exception {
        String page = get("/docs", null).body();
        List<String> assets = new ArrayList<>();
        Matcher links = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"").matcher(page);
        while (links.find()) {
            assets.add(links.group(1));
        }
        assertThat(assets).hasSize(3);

        for (String asset : assets) {
            HttpResponse<String> response = get(asset, null);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
        }
        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(get("/docs/swagger-ui.css", null)
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""))
                .startsWith("text/css");
    }

    @Test
    void filesOutsideTheWhitelistAreNotFound() throws Exception {
        for (String path : List.of(
                "/docs/index.html",
                "/docs/swagger-initializer.js",
                "/docs/swagger-ui.js.map",
                "/docs/..%2F..%2F..%2Fopenapi%2Fopenapi.json",
                "/docs/%2e%2e%2fpom.properties",
                "/docs/swagger-ui.css%00.js",
                "/docs/SWAGGER-UI.CSS")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("openapi\"");
        }
    }

    @Test
    void onlyCoreRoutesAreDocumentedAsPublicAndTheyAnswerWithoutToken() throws Exception {
        JsonNode document = document();
        Set<String> publicRoutes = new TreeSet<>();
        forEachOperation(document, (route, operation) -> {
            JsonNode security = operation.get("security");
            if (security != null && security.isArray() && security.isEmpty()) {
                publicRoutes.add(route);
            }
        });

        assertThat(publicRoutes)
                .containsExactlyInAnyOrder(
                        "GET /ping", "GET /health", "GET /metrics", "GET /openapi.json", "GET /docs");
        assertThat(document.path("security").get(0).has("bearerAuth")).isTrue();
        for (String route : publicRoutes) {
            assertThat(get(route.substring(4), null).statusCode()).as(route).isEqualTo(200);
        }
        assertThat(get("/users/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyRouteThisAdapterServesIsDocumented() throws Exception {
        Set<String> served = new TreeSet<>(server.routes());
        served.remove("GET /docs/{file}");
        Set<String> documented = new TreeSet<>();
        forEachOperation(document(), (route, operation) -> documented.add(route));

        assertThat(documented).containsAll(served);
    }

    @Test
    void everyReferenceResolvesAndEveryPropertyIsSnakeCase() throws Exception {
        JsonNode document = document();
        List<String> unresolved = new ArrayList<>();
        List<String> notSnakeCase = new ArrayList<>();
        walk(document, node -> {
            String ref = node.path("$ref").asText(null);
            if (ref != null
                    && (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())) {
                unresolved.add(ref);
            }
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(name -> {
                    if (!name.matches("[a-z][a-z0-9_]*")) {
                        notSnakeCase.add(name);
                    }
                });
            }
        });

        assertThat(unresolved).isEmpty();
        assertThat(notSnakeCase).isEmpty();
    }

    @Test
    void documentedSchemasHaveExactlyTheFieldsTheAdapterWrites() throws Exception {
        JsonNode schemas = document().at("/components/schemas");
        assertThat(post("/users/me", "ada", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/users/me", "bob", "{\"first_name\":\"Bob\",\"last_name\":\"Byte\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/friendship/requests", "ada", "{\"user_id2\":\"bob\"}").statusCode())
                .isEqualTo(200);

        assertFields(get("/users/me", "ada"), schemas, "UserPrivate");
        assertFields(get("/users/id/bob", "ada"), schemas, "UserPublic");
        assertFields(firstOf(get("/friendship/requests", "bob")), schemas, "UserFriendRequest");
        assertFields(get("/friendship/check/bob", "ada"), schemas, "FriendshipRow");
        assertFields(get("/users/id/bob/friends/count", "ada"), schemas, "Count");
        assertThat(post("/friendship/accept", "bob", "{\"user_id1\":\"ada\"}").statusCode())
                .isEqualTo(200);
        assertFields(firstOf(get("/friendship/all", "ada")), schemas, "UserSummary");
        assertFields(get("/users/id/nobody", "ada"), schemas, "Problem");
        assertFields(
                post("/friendship/delete", "ada", "{\"user_id1\":\"ada\",\"user_id2\":\"bob\"}"), schemas, "Success");
    }

    private static void assertFields(HttpResponse<String> response, JsonNode schemas, String name) throws IOException {
        assertFields(JSON.readTree(response.body()), schemas, name);
    }

    private static void assertFields(JsonNode written, JsonNode schemas, String name) {
        JsonNode schema = schemas.get(name);
        Set<String> writtenNames = new TreeSet<>();
        written.fieldNames().forEachRemaining(writtenNames::add);
        Set<String> documented = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(field -> required.add(field.asText()));

        assertThat(documented).as("properties of %s", name).containsAll(writtenNames);
        assertThat(writtenNames).as("required properties of %s written", name).containsAll(required);
    }

    private static JsonNode firstOf(HttpResponse<String> response) throws IOException {
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.isArray() && !list.isEmpty()).as(response.body()).isTrue();
        return list.get(0);
    }

    private JsonNode document() throws Exception {
        return JSON.readTree(get("/openapi.json", null).body());
    }

    private static void forEachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    action.accept(
                            operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
                }
            });
        }
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
        }
        node.elements().forEachRemaining(child -> walk(child, visit));
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return send("POST", path, token, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
