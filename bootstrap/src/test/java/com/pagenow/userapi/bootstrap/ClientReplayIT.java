package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays each call the real clients make, the way their code makes it, and checks every field they then read,
 * with the type they expect. The clients: the browser extension's popup (React, axios: {@code Authorization}
 * header, JSON bodies as {@code application/json}, origin {@code chrome-extension://...}) and the web client in its
 * frame (Angular HttpClient behind a token interceptor, origin {@code https://...}): it labels
 * {@code JSON.stringify(...)} bodies {@code text/plain}, sends {@code Content-Type: application/json} on GET and
 * DELETE without a body, and sends the whole profile back on PUT /users/me with nulls and keys it never edits.
 * Browsers preflight every such call. (The profile-image calls are left to their own tests.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientReplayIT {

    private static final String EXTENSION_ORIGIN = "chrome-extension://ahfhijdlegdabablpippeagghigmibma";
    private static final String WEB_ORIGIN = "https://chat.pagenow.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    RunningService service;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        service = startService();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    /** The service the replay talks to; a subclass puts something in its path (ThroughPgBouncerIT). */
    RunningService startService() {
        return RunningService.start(getClass(), Map.of(CORS_ALLOWED_ORIGINS, CLIENT_ORIGINS));
    }

    /** Production lets only the listed origins call: the extension and the web client. */
    static final String CORS_ALLOWED_ORIGINS = "CORS_ALLOWED_ORIGINS";

    static final String CLIENT_ORIGINS = EXTENSION_ORIGIN + "," + WEB_ORIGIN;

    // ---- the web client's registration, profile page and profile views ----

    @Test
    void webClientRegistersWithAOneDigitDayLabelledTextPlainAndSendsTheWholeProfileBack() throws Exception {
        String token = service.token("web-ada");
        preflight(WEB_ORIGIN, "POST", "/users/me");
        JsonNode created = web(
                token,
                "POST",
                "/users/me",
                "text/plain;charset=UTF-8",
                "{\"first_name\":\"Ada\",\"middle_name\":\"\",\"last_name\":\"Lovelace\",\"dob\":\"1990-05-3\","
                        + "\"gender\":\"female\"}",
                200);
        assertPrivateProfile(created);
        assertThat(created.get("dob").asText()).isEqualTo("1990-05-03");

        JsonNode me = web(token, "GET", "/users/me", "application/json", null, 200);
        assertPrivateProfile(me);
        assertThat(me.get("gender").asText()).isEqualTo("female");

        preflight(WEB_ORIGIN, "PUT", "/users/me");
        ObjectNode sentBack = me.deepCopy();
        sentBack.put("school", "MIT").putNull("work").putNull("location").putNull("description");
        sentBack.put("school_public", true).put("dob", "1990-5-3").put("middle_name", "");
        JsonNode updated = web(token, "PUT", "/users/me", "application/json", sentBack.toString(), 200);
        assertPrivateProfile(updated);
        assertThat(updated.get("school").asText()).isEqualTo("MIT");
        assertThat(updated.get("dob").asText()).isEqualTo("1990-05-03");
        assertThat(updated.get("school_public").asBoolean()).isTrue();
    }

    @Test
    void webClientReadsPublicProfilesFriendsAndMutualFriends() throws Exception {
        String ann = registered("web-ann");
        String bob = registered("web-bob");
        String cy = registered("web-cy");
        befriend(ann, "web-ann", bob, "web-bob");
        befriend(cy, "web-cy", bob, "web-bob");
        befriend(ann, "web-ann", cy, "web-cy");

        assertPublicProfile(web(ann, "GET", "/users/id/web-bob", null, null, 200));
        JsonNode many = web(ann, "GET", "/users/ids/web-bob,web-cy", "application/json", null, 200);
        assertThat(many).hasSize(2);
        many.forEach(ClientReplayIT::assertPublicProfile);

        JsonNode mutual = web(ann, "GET", "/users/id/web-bob/mutual-friends?limit=15&offset=0", null, null, 200);
        assertThat(mutual).hasSize(1);
        mutual.forEach(ClientReplayIT::assertSummary);
        JsonNode friends = web(ann, "GET", "/users/id/web-bob/friends?limit=15&offset=0", null, null, 200);
        assertThat(friends).hasSize(2);
        friends.forEach(ClientReplayIT::assertSummary);
        assertCount(web(ann, "GET", "/users/id/web-bob/friends/count", null, null, 200), 2);
        assertCount(web(ann, "GET", "/users/id/web-bob/mutual-friends/count", null, null, 200), 1);
        JsonNode all = web(ann, "GET", "/friendship/all", "application/json", null, 200);
        assertThat(all).hasSize(2);
        all.forEach(ClientReplayIT::assertSummary);
    }

    // ---- the web client's friendship service: every call with Content-Type: application/json ----

    @Test
    void webClientAsksChecksAcceptsDeclinesAndRemovesFriendships() throws Exception {
        String dan = registered("web-dan");
        String eve = registered("web-eve");
        String fay = registered("web-fay");

        preflight(WEB_ORIGIN, "POST", "/friendship/requests");
        assertSuccess(web(dan, "POST", "/friendship/requests", "application/json", "{\"user_id2\":\"web-eve\"}", 200));
        JsonNode received = web(eve, "GET", "/friendship/requests", "application/json", null, 200);
        assertThat(received).hasSize(1);
        JsonNode request = received.get(0);
        assertFields(
                request,
                Map.of(
                        "user_id",
                        Type.STRING,
                        "first_name",
                        Type.STRING,
                        "last_name",
                        Type.STRING,
                        "description",
                        Type.STRING,
                        "profile_image_uploaded_at",
                        Type.TIMESTAMP_OR_NULL,
                        "profile_image_extension",
                        Type.STRING_OR_NULL,
                        "requested_at",
                        Type.TIMESTAMP));
        assertThat(request.get("user_id").asText()).isEqualTo("web-dan");

        JsonNode check = web(dan, "GET", "/friendship/check/web-eve", "application/json", null, 200);
        assertFields(
                check,
                Map.of(
                        "user_id1",
                        Type.STRING,
                        "user_id2",
                        Type.STRING,
                        "requested_at",
                        Type.TIMESTAMP,
                        "accepted_at",
                        Type.TIMESTAMP_OR_NULL));
        assertThat(check.get("accepted_at").isNull()).isTrue();
        assertThat(web(dan, "GET", "/friendship/requests/web-eve", "application/json", null, 200)
                        .get("user_id2")
                        .asText())
                .isEqualTo("web-eve");

        assertSuccess(web(eve, "POST", "/friendship/accept", "application/json", "{\"user_id1\":\"web-dan\"}", 200));
        assertThat(web(dan, "GET", "/friendship/check/web-eve", "application/json", null, 200)
                        .get("accepted_at")
                        .asText())
                .endsWith("Z");

        assertSuccess(web(fay, "POST", "/friendship/requests", "application/json", "{\"user_id2\":\"web-dan\"}", 200));
        preflight(WEB_ORIGIN, "DELETE", "/friendship/requests/web-fay");
        assertSuccess(web(dan, "DELETE", "/friendship/requests/web-fay", "application/json", null, 200));
        assertThat(web(fay, "GET", "/friendship/check/web-dan", "application/json", null, 200)
                        .isNull())
                .isTrue();

        assertSuccess(web(
                dan,
                "POST",
                "/friendship/delete",
                "application/json",
                "{\"user_id1\":\"web-dan\",\"user_id2\":\"web-eve\"}",
                200));
        assertThat(web(eve, "GET", "/friendship/check/web-dan", "application/json", null, 200)
                        .isNull())
                .isTrue();

        JsonNode wrongType = web(dan, "POST", "/friendship/requests", "application/json", "{\"user_id2\": 123}", 422);
        assertThat(wrongType.get("detail").isTextual()).isTrue();
        assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("user_id2");
    }

    // ---- the web client's search service ----

    @Test
    void webClientSearchesUsersAndFriendsByNameAndEmail() throws Exception {
        String gil = registered("web-gil", "Gil", "Searcher");
        String hal = registered("web-hal", "Halsey", "Found");
        befriend(gil, "web-gil", hal, "web-hal");
        registered("web-hap", "Happy", "Stranger");

        for (String path : List.of(
                "/users/search/name/Ha?exact=false&limit=10&offset=0",
                // A private address is found only whole (ignoring case); these addresses are private.
                "/users/search/email/Web-Hal@Example.com?exact=false&limit=10&offset=0",
                "/friendship/search/name/Hals?exact=false&limit=10&offset=0",
                "/friendship/search/email/web-hal@example.com?exact=true&limit=10&offset=0")) {
            JsonNode found = web(gil, "GET", path, "application/json", null, 200);
            assertThat(found).as(path).isNotEmpty();
            found.forEach(ClientReplayIT::assertSummary);
            assertThat(found.get(0).get("user_id").asText()).as(path).isEqualTo("web-hal");
            assertThat(found.get(0).get("friendship_state").asInt()).as(path).isEqualTo(2);
        }
    }

    // ---- share notifications and domain warnings ----

    @Test
    void sharesAreSentReadAndMarkedSeen() throws Exception {
        String ida = registered("web-ida");
        String jon = registered("web-jon");
        befriend(ida, "web-ida", jon, "web-jon");

        JsonNode eventId = web(
                ida,
                "POST",
                "/notifications/share",
                "application/json",
                "{\"url\":\"https://example.com/a\",\"title\":\"A page\"}",
                200);
        assertThat(eventId.isTextual()).isTrue();
        web(
                ida,
                "POST",
                "/notifications/share/personal",
                "application/json",
                "{\"url\":\"https://example.com/b\",\"title\":\"B\",\"sent_to\":\"web-jon\"}",
                200);

        JsonNode unread = web(jon, "GET", "/notifications/share?is_read=false", "application/json", null, 200);
        assertThat(unread).hasSize(2);
        for (JsonNode share : unread) {
            assertFields(
                    share,
                    Map.of(
                            "event_id",
                            Type.STRING,
                            "user_id",
                            Type.STRING,
                            "sent_at",
                            Type.TIMESTAMP,
                            "url",
                            Type.STRING,
                            "title",
                            Type.STRING,
                            "seen_at",
                            Type.TIMESTAMP_OR_NULL,
                            "first_name",
                            Type.STRING,
                            "last_name",
                            Type.STRING,
                            "profile_image_extension",
                            Type.STRING_OR_NULL));
        }
        assertSuccess(web(
                jon,
                "POST",
                "/notifications/share/read",
                "application/json",
                "[{\"event_id\":\"" + eventId.asText() + "\"}]",
                200));
        assertThat(web(jon, "GET", "/notifications/share?is_read=true", null, null, 200))
                .hasSize(1);

        JsonNode sent = web(ida, "GET", "/notifications/share/sent?limit=10&offset=0", null, null, 200);
        assertThat(sent).hasSize(2);
        for (JsonNode share : sent) {
            assertFields(
                    share,
                    Map.of(
                            "event_id",
                            Type.STRING,
                            "url",
                            Type.STRING,
                            "title",
                            Type.STRING,
                            "sent_at",
                            Type.TIMESTAMP,
                            "sent_to",
                            Type.STRING_OR_NULL,
                            "not_seen_count",
                            Type.INT,
                            "first_name",
                            Type.STRING_OR_NULL,
                            "last_name",
                            Type.STRING_OR_NULL,
                            "profile_image_extension",
                            Type.STRING_OR_NULL));
        }

        JsonNode warnings = web(ida, "GET", "/domains/share/warnings", "application/json", null, 200);
        assertThat(warnings.isObject()).isTrue();
        warnings.fields()
                .forEachRemaining(
                        warning -> assertThat(warning.getValue().isTextual()).isTrue());
        assertThat(warnings.has("google.com")).isTrue();
    }

    // ---- the extension's popup ----

    @Test
    void popupRegistersReadsTheProfileAndTogglesSharingOnAPageWithoutDomain() throws Exception {
        String token = service.token("popup-kim");
        preflight(EXTENSION_ORIGIN, "POST", "/users/me");
        assertPrivateProfile(popup(token, "POST", "/users/me", "{\"first_name\":\"Kim\",\"last_name\":\"Pop\"}", 200));

        preflight(EXTENSION_ORIGIN, "GET", "/users/me");
        JsonNode me = popup(token, "GET", "/users/me", null, 200);
        assertThat(me.get("share_mode").asText()).isEqualTo("default_none");
        assertThat(me.get("first_name").asText()).isEqualTo("Kim");

        // share_mode default_none: the toggle adds the current domain to the allow list; a new tab has none.
        List<String> allow = strings(me.get("domain_allow_array"));
        allow.add("");
        preflight(EXTENSION_ORIGIN, "PUT", "/users/me/domain_array/allow");
        JsonNode toggled = popup(token, "PUT", "/users/me/domain_array/allow", JSON.writeValueAsString(allow), 200);
        assertPrivateProfile(toggled);
        assertThat(strings(toggled.get("domain_allow_array"))).isEqualTo(allow.subList(0, allow.size() - 1));

        JsonNode denied = popup(
                token, "PUT", "/users/me/domain_array/deny", JSON.writeValueAsString(List.of("facebook.com", "")), 200);
        assertThat(strings(denied.get("domain_deny_array"))).containsExactly("facebook.com");
    }

    @Test
    void aProfileWhoseStoredListsHoldAnEmptyEntryStillReadsAndSavesBack() throws Exception {
        String token = registered("legacy-lee");
        service.database()
                .execute("UPDATE user_table SET domain_allow_array = ARRAY['', 'wikipedia.org'], "
                        + "domain_deny_array = ARRAY[''] WHERE user_id = 'legacy-lee'");

        JsonNode me = popup(token, "GET", "/users/me", null, 200);
        assertPrivateProfile(me);
        assertThat(strings(me.get("domain_allow_array"))).containsExactly("wikipedia.org");

        ObjectNode sentBack = me.deepCopy();
        sentBack.set("domain_allow_array", JSON.valueToTree(List.of("", "wikipedia.org")));
        sentBack.set("domain_deny_array", JSON.valueToTree(List.of("")));
        assertPrivateProfile(web(token, "PUT", "/users/me", "application/json", sentBack.toString(), 200));
    }

    @Test
    void refusalsAreProblemsWithTheDetailTheClientsShow() throws Exception {
        JsonNode unauthorized = popup("not-a-token", "GET", "/users/me", null, 401);
        assertThat(unauthorized.get("detail").asText()).contains("JwtParseError");
        JsonNode notFound = web(service.token("nobody-here"), "GET", "/users/me", "application/json", null, 404);
        assertThat(notFound.get("detail").asText()).isEqualTo("User not found");
    }

    // ---- how each client sends ----

    /** The web client: Angular HttpClient, the interceptor adds the token; the origin is the client's site. */
    private JsonNode web(String token, String method, String path, String contentType, String body, int status)
            throws Exception {
        return send(WEB_ORIGIN, token, method, path, contentType, body, status);
    }

    /** The popup: axios with an Authorization header; a body is JSON labelled application/json. */
    private JsonNode popup(String token, String method, String path, String body, int status) throws Exception {
        return send(EXTENSION_ORIGIN, token, method, path, body == null ? null : "application/json", body, status);
    }

    private JsonNode send(
            String origin, String token, String method, String path, String contentType, String body, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", origin)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, text/plain, */*")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .as("CORS on %s %s", method, path)
                .contains(origin);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .as("%s %s", method, path)
                .hasValueSatisfying(type ->
                        assertThat(type).startsWith(status < 300 ? "application/json" : "application/problem+json"));
        return JSON.readTree(response.body());
    }

    /** What the browser asks before a call with an Authorization header or a JSON Content-Type. */
    private void preflight(String origin, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("preflight %s %s", method, path).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains(method));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(headers -> assertThat(headers.toLowerCase())
                        .contains("authorization")
                        .contains("content-type"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private String registered(String userId) throws Exception {
        return registered(userId, "First" + userId.length(), "Last");
    }

    private String registered(String userId, String firstName, String lastName) throws Exception {
        String token = service.token(userId);
        popup(
                token,
                "POST",
                "/users/me",
                "{\"first_name\":\"" + firstName + "\",\"last_name\":\"" + lastName + "\"}",
                200);
        return token;
    }

    private void befriend(String asker, String askerId, String asked, String askedId) throws Exception {
        web(asker, "POST", "/friendship/requests", "application/json", "{\"user_id2\":\"" + askedId + "\"}", 200);
        web(asked, "POST", "/friendship/accept", "application/json", "{\"user_id1\":\"" + askerId + "\"}", 200);
    }

    // ---- the shapes the clients read ----

    private enum Type {
        STRING,
        STRING_OR_NULL,
        BOOLEAN,
        INT,
        INT_OR_NULL,
        TIMESTAMP,
        TIMESTAMP_OR_NULL,
        DATE_OR_NULL,
        STRINGS
    }

    private static void assertSummary(JsonNode user) {
        assertFields(user, summaryFields());
    }

    private static Map<String, Type> summaryFields() {
        Map<String, Type> fields = new LinkedHashMap<>();
        fields.put("user_id", Type.STRING);
        fields.put("first_name", Type.STRING);
        fields.put("last_name", Type.STRING);
        fields.put("description", Type.STRING);
        fields.put("profile_image_uploaded_at", Type.TIMESTAMP_OR_NULL);
        fields.put("profile_image_extension", Type.STRING_OR_NULL);
        fields.put("friendship_state", Type.INT_OR_NULL);
        fields.put("mutual_friend_count", Type.INT_OR_NULL);
        return fields;
    }

    private static Map<String, Type> publicFields() {
        Map<String, Type> fields = summaryFields();
        fields.put("dob", Type.DATE_OR_NULL);
        for (String text : List.of("gender", "school", "work", "location", "email")) {
            fields.put(text, Type.STRING_OR_NULL);
        }
        return fields;
    }

    private static void assertPublicProfile(JsonNode user) {
        assertFields(user, publicFields());
    }

    private static void assertPrivateProfile(JsonNode user) {
        Map<String, Type> fields = publicFields();
        fields.put("email", Type.STRING);
        for (String flag : List.of(
                "email_public", "dob_public", "gender_public", "school_public", "work_public", "location_public")) {
            fields.put(flag, Type.BOOLEAN);
        }
        fields.put("share_mode", Type.STRING);
        fields.put("domain_allow_array", Type.STRINGS);
        fields.put("domain_deny_array", Type.STRINGS);
        fields.put("created_at", Type.TIMESTAMP);
        assertFields(user, fields);
        assertThat(user.get("share_mode").asText()).isIn("default_all", "default_none");
    }

    private static void assertCount(JsonNode count, int expected) {
        assertFields(count, Map.of("count_1", Type.INT, "count", Type.INT));
        assertThat(count.get("count_1").asInt()).isEqualTo(expected);
    }

    private static void assertSuccess(JsonNode answer) {
        assertThat(answer.path("success").isBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("success").asBoolean()).isTrue();
    }

    /** Each field is present (a null is written out, never omitted: the clients test {@code === null}). */
    private static void assertFields(JsonNode object, Map<String, Type> fields) {
        assertThat(object.isObject()).as("an object: %s", object).isTrue();
        fields.forEach((name, type) -> {
            assertThat(object.has(name)).as("field %s in %s", name, object).isTrue();
            JsonNode value = object.get(name);
            String where = name + " in " + object;
            switch (type) {
                case STRING -> assertThat(value.isTextual()).as(where).isTrue();
                case STRING_OR_NULL ->
                    assertThat(value.isTextual() || value.isNull()).as(where).isTrue();
                case BOOLEAN -> assertThat(value.isBoolean()).as(where).isTrue();
                case INT -> assertThat(value.isIntegralNumber()).as(where).isTrue();
                case INT_OR_NULL ->
                    assertThat(value.isIntegralNumber() || value.isNull())
                            .as(where)
                            .isTrue();
                case TIMESTAMP -> assertThat(value.asText()).as(where).matches(TIMESTAMP);
                case TIMESTAMP_OR_NULL ->
                    assertThat(value.isNull() || value.asText().matches(TIMESTAMP))
                            .as(where)
                            .isTrue();
                case DATE_OR_NULL ->
                    assertThat(value.isNull() || value.asText().matches("\\d{4}-\\d\\d-\\d\\d"))
                            .as(where)
                            .isTrue();
                case STRINGS -> {
                    assertThat(value.isArray()).as(where).isTrue();
                    value.forEach(
                            entry -> assertThat(entry.isTextual()).as(where).isTrue());
                }
                default -> throw new IllegalStateException(type.name());
            }
        });
    }

    /** The extension appends Z unless the text already ends in Z: an offset would break it. */
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(entry -> values.add(entry.asText()));
        return values;
    }
}
