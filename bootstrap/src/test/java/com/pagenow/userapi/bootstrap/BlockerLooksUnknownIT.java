package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md, "Blocks": to a user someone blocks, the blocker is indistinguishable from an id that does not exist. The
 * routes come from the service's own {@code /openapi.json} (which OpenApiDocumentIT keeps true to the routes), so a
 * new route that names a user, by a path or query parameter or a body field, is walked without anyone adding it
 * here. Each is called by the blocked user once naming the blocker and once naming an unknown id, over real HTTP on
 * PostgreSQL; status, content type and body (the id itself written as {id}) must be the same, byte for byte.
 */
class BlockerLooksUnknownIT {

    /** Parameter and body field names that name a user. */
    private static final Pattern NAMES_A_USER = Pattern.compile("user_id[12s]?|ids|sent_to");
    /** Values for the other required inputs of routes that name a user; a new one fails the test until listed. */
    private static final Map<String, String> SAMPLES =
            Map.of("image_ext", "png", "image_ext_arr", "png", "url", "https://example.com/page", "title", "A page");

    private static RunningService service;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        // Presigning needs credentials, not a server.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "not-a-secret");
        service = RunningService.start(BlockerLooksUnknownIT.class);
        for (String user : List.of("mallory", "bob", "carol")) {
            assertThat(service.post(
                                    "/users/me",
                                    service.token(user),
                                    "{\"first_name\":\"" + user + "\",\"last_name\":\"Test\"}")
                            .status())
                    .isEqualTo(200);
        }
        befriend("bob", "carol");
        befriend("mallory", "carol");
        assertThat(service.get("/users/me/profile-image-upload-url?image_ext=png", service.token("bob"))
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/users/me/blocks", service.token("bob"), "{\"user_id\":\"mallory\"}")
                        .status())
                .isEqualTo(200);
        document = service.get("/openapi.json", null).json();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        service.close();
    }

    @Test
    void everyRouteThatNamesAUserAnswersTheBlockedUserAsForAnUnknownId() {
        String mallory = service.token("mallory");
        List<String> walked = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (!Set.of("GET", "POST", "PUT", "DELETE").contains(method) || !namesAUser(op.getValue())) {
                        return;
                    }
                    String route = method + " " + path.getKey();
                    walked.add(route);
                    Response blocker = call(method, path.getKey(), op.getValue(), "bob", mallory);
                    Response unknown = call(method, path.getKey(), op.getValue(), "nobody-at-all", mallory);
                    String seenBlocker = blocker.status() + " " + blocker.header("Content-Type") + " "
                            + blocker.body().replace("bob", "{id}");
                    String seenUnknown = unknown.status() + " " + unknown.header("Content-Type") + " "
                            + unknown.body().replace("nobody-at-all", "{id}");
                    if (!seenBlocker.equals(seenUnknown)) {
                        differences.add(route + "\n    blocker: " + seenBlocker + "\n    unknown: " + seenUnknown);
                    }
                }));

        assertThat(walked)
                .as("the routes of docs/api.md that name a user")
                .hasSizeGreaterThanOrEqualTo(17)
                .contains(
                        "GET /users/id/{user_id}",
                        "GET /users/ids/{user_ids}/profile-image-url",
                        "GET /friendship/relationships",
                        "POST /friendship/requests",
                        "POST /users/me/blocks",
                        "POST /notifications/share/personal");
        assertThat(differences)
                .as("routes where the blocker differs from an unknown id")
                .isEmpty();
    }

    @Test
    void theBlockerStillSeesWhomTheyBlock() {
        String bob = service.token("bob");
        assertThat(service.get("/users/id/mallory", bob).status()).isEqualTo(200);
        assertThat(service.get("/users/id/mallory/friends/count", bob)
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(service.get("/friendship/relationships?ids=mallory", bob)
                        .json()
                        .get(0)
                        .get("blocking")
                        .asBoolean())
                .isTrue();
        assertThat(service.get("/users/id/mallory/profile-image-url?image_ext=png", bob)
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/requests", bob, "{\"user_id2\":\"mallory\"}")
                        .status())
                .isEqualTo(403);
    }

    private static boolean namesAUser(JsonNode operation) {
        for (JsonNode parameter : parameters(operation)) {
            if (NAMES_A_USER.matcher(parameter.get("name").asText()).matches()) {
                return true;
            }
        }
        Iterator<String> fields = bodySchema(operation).path("properties").fieldNames();
        while (fields.hasNext()) {
            if (NAMES_A_USER.matcher(fields.next()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The operation with every user-naming input set to {@code target} (a second one to the caller). */
    private static Response call(String method, String template, JsonNode operation, String target, String token) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            boolean user = NAMES_A_USER.matcher(name).matches();
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", user ? target : sample(name));
            } else if ("query".equals(in) && parameter.path("required").asBoolean()) {
                query.add(name + "=" + URLEncoder.encode(user ? target : sample(name), StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        JsonNode schema = bodySchema(operation);
        if (schema.isMissingNode()) {
            return service.send(method, path, token, null);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        boolean first = true;
        Iterator<String> fields = schema.path("properties").fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            if (NAMES_A_USER.matcher(name).matches()) {
                body.put(name, first ? target : "mallory");
                first = false;
            } else {
                body.put(name, sample(name));
            }
        }
        return service.send(method, path, token, body.toString());
    }

    private static String sample(String name) {
        String sample = SAMPLES.get(name);
        assertThat(sample)
                .as("a sample value for %s, an input of a route that names a user", name)
                .isNotNull();
        return sample;
    }

    private static List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> resolved = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> resolved.add(resolve(parameter)));
        return resolved;
    }

    private static JsonNode bodySchema(JsonNode operation) {
        return resolve(operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document.at(node.get("$ref").asText().substring(1));
    }

    private static void befriend(String requester, String addressee) {
        assertThat(service.post(
                                "/friendship/requests",
                                service.token(requester),
                                "{\"user_id2\":\"" + addressee + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", service.token(addressee), "{\"user_id1\":\"" + requester + "\"}")
                        .status())
                .isEqualTo(200);
    }
}
