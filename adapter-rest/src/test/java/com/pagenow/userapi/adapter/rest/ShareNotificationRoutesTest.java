package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryIdempotencyKeyRepository;
import com.pagenow.userapi.application.fake.InMemoryShareNotificationRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.DomainShareWarningService;
import com.pagenow.userapi.application.service.ShareNotificationQueryService;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.domain.friendship.Friendship;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share notification and domain routes over real HTTP, with the use cases on in-memory fakes. Tokens here are
 * the user id; alice is friends with bob and dave, has asked carol (pending), and erin is a stranger.
 */
class ShareNotificationRoutesTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    private static final String SHARE = "{\"url\":\"https://example.com/a?b=c|d\",\"title\":\"A page\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
    private final InMemoryShareNotificationRepository shares =
            new InMemoryShareNotificationRepository(users, transactions);
    private final ShareNotificationService service = new ShareNotificationService(
            users,
            friendships,
            shares,
            new InMemoryIdempotencyKeyRepository(),
            transactions,
            clock,
            LiveEventOutbox.NONE);
    private RestServer server;

    @BeforeEach
    void start() {
        users.insert(aUser("alice")
                .withName("Alice", "Kim")
                .withProfileImage(START, "png")
                .build());
        users.insert(aUser("bob")
                .withName("Bob", "Lee")
                .withProfileImage(START, "jpg")
                .build());
        users.insert(aUser("carol").withName("Carol", "Park").build());
        users.insert(aUser("dave").withName("Dave", "Choi").build());
        users.insert(aUser("erin").withName("Erin", "Han").build());
        transactions.inTransaction(() -> {
            friendships.insert(Friendship.reconstitute(id("alice"), id("bob"), START, START));
            friendships.insert(Friendship.reconstitute(id("dave"), id("alice"), START, START));
            friendships.insert(Friendship.request(id("alice"), id("carol"), START));
        });
        ShareNotificationQueryService queries = new ShareNotificationQueryService(shares);
        server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                new AuthenticationService(new UserIdTokens()),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(
                        new ShareNotificationRoutes(service, queries),
                        new DomainRoutes(new DomainShareWarningService())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void friendsSeeAShareUnreadMarkItReadAndTheSenderSeesTheCountFall() throws Exception {
        HttpResponse<String> shared = send("POST", "/notifications/share", "alice", SHARE);
        assertThat(shared.statusCode()).isEqualTo(200);
        String eventId = json.readValue(shared.body(), String.class);
        assertThat(UUID.fromString(eventId)).hasToString(eventId);

        assertThat(eventIds(get("/notifications/share?is_read=false", "bob"))).containsExactly(eventId);
        assertThat(eventIds(get("/notifications/share?is_read=false", "dave"))).containsExactly(eventId);
        assertThat(notSeenCounts(get("/notifications/share/sent", "alice"))).containsExactly(2L);

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> read =
                send("POST", "/notifications/share/read", "bob", "[{\"event_id\":\"" + eventId + "\"}]");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"success\":true}");

        assertThat(get("/notifications/share?is_read=false", "bob")).isEmpty();
        JsonNode seen = get("/notifications/share?is_read=true", "bob").get(0);
        assertThat(seen.get("seen_at").asText()).isEqualTo("2024-03-01T10:05:00Z");
        assertThat(notSeenCounts(get("/notifications/share/sent", "alice"))).containsExactly(1L);

        send("POST", "/notifications/share/read", "dave", "[{\"event_id\":\"" + eventId + "\"}]");
        assertThat(notSeenCounts(get("/notifications/share/sent", "alice"))).containsExactly(0L);
    }

    @Test
    void nonFriendsReceiveNothingAndCannotBeTargeted() throws Exception {
        send("POST", "/notifications/share", "alice", SHARE);

        assertThat(get("/notifications/share", "carol")).isEmpty();
        assertThat(get("/notifications/share", "erin")).isEmpty();
        for (String stranger : List.of("carol", "erin", "nobody", "alice")) {
            HttpResponse<String> refused = send(
                    "POST",
                    "/notifications/share/personal",
                    "alice",
                    "{\"url\":\"https://example.com/\",\"title\":\"t\",\"sent_to\":\"" + stranger + "\"}");
            assertThat(refused.statusCode()).as(stranger).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains("\"detail\":\"You can only share with your friends\"");
        }
    }

    @Test
    void receivedShareHasTheOldFieldsWithTheSendersNameAndNullsWrittenOut() throws Exception {
        String eventId = json.readValue(
                send("POST", "/notifications/share", "alice", SHARE).body(), String.class);

        JsonNode received = get("/notifications/share", "bob").get(0);

        assertThat(fieldNames(received))
                .containsExactly(
                        "event_id",
                        "user_id",
                        "sent_at",
                        "url",
                        "title",
                        "seen_at",
                        "first_name",
                        "last_name",
                        "profile_image_extension");
        assertThat(received.get("event_id").asText()).isEqualTo(eventId);
        assertThat(received.get("user_id").asText()).isEqualTo("alice");
        assertThat(received.get("sent_at").asText()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(received.get("url").asText()).isEqualTo("https://example.com/a?b=c|d");
        assertThat(received.get("title").asText()).isEqualTo("A page");
        assertThat(received.get("seen_at").isNull()).isTrue();
        assertThat(received.get("first_name").asText()).isEqualTo("Alice");
        assertThat(received.get("last_name").asText()).isEqualTo("Kim");
        assertThat(received.get("profile_image_extension").asText()).isEqualTo("png");
    }

    @Test
    void receivedSharesAreNewestFirstAndFilteredByIsRead() throws Exception {
        String first = json.readValue(
                send("POST", "/notifications/share", "alice", SHARE).body(), String.class);
        clock.advance(Duration.ofSeconds(1));
        String second = json.readValue(
                send(
                                "POST",
                                "/notifications/share/personal",
                                "dave",
                                "{\"url\":\"https://example.org/\",\"title\":\"\",\"sent_to\":\"alice\"}")
                        .body(),
                String.class);
        clock.advance(Duration.ofSeconds(1));
        String third = json.readValue(
                send("POST", "/notifications/share", "alice", SHARE).body(), String.class);
        send("POST", "/notifications/share/read", "dave", "[{\"event_id\":\"" + first + "\"}]");

        assertThat(eventIds(get("/notifications/share", "dave"))).containsExactly(third, first);
        assertThat(eventIds(get("/notifications/share?is_read=true", "dave"))).containsExactly(first);
        assertThat(eventIds(get("/notifications/share?is_read=false", "dave"))).containsExactly(third);
        assertThat(eventIds(get("/notifications/share", "alice"))).containsExactly(second);
        assertThat(send("GET", "/notifications/share?is_read=maybe", "dave", null)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void sentListNamesTheRecipientOfAPersonalShareOnly() throws Exception {
        send("POST", "/notifications/share", "alice", SHARE);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> personal = send(
                "POST",
                "/notifications/share/personal",
                "alice",
                "{\"url\":\"https://example.com/p\",\"title\":\"For Bob\",\"sent_to\":\"bob\",\"extra\":1}");
        assertThat(personal.statusCode()).isEqualTo(200);

        JsonNode sent = get("/notifications/share/sent", "alice");

        assertThat(fieldNames(sent.get(0)))
                .containsExactly(
                        "event_id",
                        "url",
                        "title",
                        "sent_at",
                        "sent_to",
                        "not_seen_count",
                        "first_name",
                        "last_name",
                        "profile_image_extension");
        assertThat(sent.get(0).get("event_id").asText()).isEqualTo(json.readValue(personal.body(), String.class));
        assertThat(sent.get(0).get("sent_to").asText()).isEqualTo("bob");
        assertThat(sent.get(0).get("first_name").asText()).isEqualTo("Bob");
        assertThat(sent.get(0).get("last_name").asText()).isEqualTo("Lee");
        assertThat(sent.get(0).get("profile_image_extension").asText()).isEqualTo("jpg");
        assertThat(sent.get(0).get("not_seen_count").asLong()).isEqualTo(1);
        assertThat(sent.get(0).get("sent_at").asText()).isEqualTo("2024-03-01T10:00:01Z");
        for (String field : List.of("sent_to", "first_name", "last_name", "profile_image_extension")) {
            assertThat(sent.get(1).get(field).isNull()).as(field).isTrue();
        }
        assertThat(get("/notifications/share", "dave")).hasSize(1);
    }

    @Test
    void aShareThatReachedNobodyCountsZeroUnseen() throws Exception {
        send("POST", "/notifications/share", "erin", SHARE);

        assertThat(notSeenCounts(get("/notifications/share/sent", "erin"))).containsExactly(0L);
    }

    @Test
    void sentListIsPagedTenByDefaultAndClampedTo100() throws Exception {
        Caller alice = new Caller(id("alice"), Email.of("alice@example.com"));
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            newestFirst.add(
                    0,
                    service.shareWithFriends(ShareWithFriendsCommand.of(alice, "https://example.com/" + i, "t"))
                            .toString());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(eventIds(get("/notifications/share/sent", "alice"))).isEqualTo(newestFirst.subList(0, 10));
        assertThat(eventIds(get("/notifications/share/sent?limit=2&offset=3", "alice")))
                .isEqualTo(newestFirst.subList(3, 5));
        assertThat(get("/notifications/share/sent?limit=1000", "alice")).hasSize(100);
        assertThat(get("/notifications/share/sent?limit=0", "alice")).isEmpty();
        assertThat(send("GET", "/notifications/share/sent?limit=-1", "alice", null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/notifications/share/sent?offset=-1", "alice", null)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void badUrlTitleOrRecipientIs422NamingTheField() throws Exception {
        assertField(send("POST", "/notifications/share", "alice", "{\"url\":\"example.com\",\"title\":\"t\"}"), "url");
        assertField(
                send(
                        "POST",
                        "/notifications/share",
                        "alice",
                        "{\"url\":\"https://example.com/" + "a".repeat(2048) + "\",\"title\":\"t\"}"),
                "url");
        assertField(
                send(
                        "POST",
                        "/notifications/share",
                        "alice",
                        "{\"url\":\"https://example.com/\",\"title\":\"" + "t".repeat(501) + "\"}"),
                "title");
        assertField(send("POST", "/notifications/share", "alice", "{\"url\":\"https://example.com/\"}"), "title");
        assertField(
                send(
                        "POST",
                        "/notifications/share/personal",
                        "alice",
                        "{\"url\":\"https://example.com/\",\"title\":\"t\"}"),
                "sent_to");
        assertField(
                send(
                        "POST",
                        "/notifications/share/personal",
                        "alice",
                        "{\"url\":\"https://example.com/\",\"title\":\"t\",\"sent_to\":\" \"}"),
                "sent_to");
        assertField(send("POST", "/notifications/share", "alice", "[]"), "body");
        assertThat(shares.allEvents()).isEmpty();
    }

    @Test
    void markingReadTakesOnlyWellFormedIdsAndAtMost500() throws Exception {
        assertField(
                send("POST", "/notifications/share/read", "bob", "[{\"event_id\":\"not-a-uuid\"}]"), "event_ids[0]");
        assertField(
                send("POST", "/notifications/share/read", "bob", "[{\"event_id\":\"" + UUID.randomUUID() + "\"},{}]"),
                "event_ids[1]");
        assertField(send("POST", "/notifications/share/read", "bob", "{\"event_id\":\"x\"}"), "body");
        String tooMany = IntStream.range(0, 501)
                .mapToObj(i -> "{\"event_id\":\"" + UUID.randomUUID() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertField(send("POST", "/notifications/share/read", "bob", tooMany), "event_ids");

        HttpResponse<String> unknown =
                send("POST", "/notifications/share/read", "bob", "[{\"event_id\":\"" + UUID.randomUUID() + "\"}]");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{\"success\":true}");
        assertThat(send("POST", "/notifications/share/read", "bob", "[]").body())
                .isEqualTo("{\"success\":true}");
    }

    @Test
    void markingReadChangesOnlyTheCallersCopy() throws Exception {
        String eventId = json.readValue(
                send("POST", "/notifications/share", "alice", SHARE).body(), String.class);

        send("POST", "/notifications/share/read", "erin", "[{\"event_id\":\"" + eventId + "\"}]");
        send("POST", "/notifications/share/read", "alice", "[{\"event_id\":\"" + eventId + "\"}]");

        assertThat(notSeenCounts(get("/notifications/share/sent", "alice"))).containsExactly(2L);
    }

    @Test
    void domainWarningsAreTheOldMapInOrder() throws Exception {
        HttpResponse<String> response = send("GET", "/domains/share/warnings", "alice", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"google.com\":\"Allowing google.com may result in sharing personal"
                        + " activities (e.g. Gmail, Calendar)\",\"messenger.com\":\"Allowing messenger.com may result in"
                        + " sharing personal activities\",\"notion.so\":\"Allowing notion.so may result in sharing personal"
                        + " activities\"}");
    }

    @Test
    void everyRouteNeedsAToken() throws Exception {
        for (String path : List.of("/notifications/share", "/notifications/share/sent", "/domains/share/warnings")) {
            assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
        }
        for (String path :
                List.of("/notifications/share", "/notifications/share/personal", "/notifications/share/read")) {
            assertThat(send("POST", path, null, "[]").statusCode()).as(path).isEqualTo(401);
        }
    }

    private void assertField(HttpResponse<String> response, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as(response.body()).contains(field);
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> eventIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("event_id").asText()));
        return ids;
    }

    private static List<Long> notSeenCounts(JsonNode list) {
        List<Long> counts = new ArrayList<>();
        list.forEach(item -> counts.add(item.get("not_seen_count").asLong()));
        return counts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
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

    private static UserId id(String value) {
        return UserId.of(value);
    }

    /** The token is the user id; the e-mail is derived from it. */
    private static final class UserIdTokens implements TokenVerifier {
        @Override
        public VerifiedIdentity verify(String token) {
            if (token.isBlank() || token.contains(" ")) {
                throw new TokenRejectedException("malformed");
            }
            return new VerifiedIdentity(token, token + "@example.com");
        }
    }
}
