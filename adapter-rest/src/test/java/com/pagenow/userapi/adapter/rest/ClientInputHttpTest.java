package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.UserProfileService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the real clients send that the service must take (dates with one-digit days, blank domains, wrong JSON
 * types named), and the requests Undertow itself refuses, answered as problems. On in-memory fakes.
 */
class ClientInputHttpTest {

    private static final String ALICE = "alice|alice@example.com";

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
                new AuthenticationService(new FakeTokens()),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new UserRoutes(profiles), new FriendshipRoutes(friends, queries)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registrationWithAOneDigitDayIsStoredAndAnsweredInFull() throws Exception {
        HttpResponse<String> created =
                send("POST", "/users/me", "{\"first_name\":\"Alice\",\"last_name\":\"L\",\"dob\":\"1990-05-3\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"dob\":\"1990-05-03\"");
        assertThat(send("GET", "/users/me", null).body()).contains("\"dob\":\"1990-05-03\"");
    }

    @Test
    void profileUpdateWithAOneDigitMonthIsAnsweredInFull() throws Exception {
        register();
        HttpResponse<String> updated = send("PUT", "/users/me", update("\"1990-5-13\"", "[\"\",\"github.com\"]"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.body())
                .contains("\"dob\":\"1990-05-13\"")
                .contains("\"domain_allow_array\":[\"github.com\"]");
    }

    @Test
    void anImpossibleDateIs422NamingDobAndChangesNothing() throws Exception {
        HttpResponse<String> refused =
                send("POST", "/users/me", "{\"first_name\":\"Alice\",\"last_name\":\"L\",\"dob\":\"1990-02-30\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"dob\"");
        assertThat(send("GET", "/users/me", null).statusCode()).isEqualTo(404);

        register();
        assertThat(send("PUT", "/users/me", update("\"1990-13-01\"", "[]")).statusCode())
                .isEqualTo(422);
    }

    @Test
    void blankDomainFromAPageWithoutDomainIsDroppedWithoutError() throws Exception {
        register();
        HttpResponse<String> allow = send("PUT", "/users/me/domain_array/allow", "[\"wikipedia.org\",\"\"]");
        assertThat(allow.statusCode()).isEqualTo(200);
        assertThat(allow.body()).contains("\"domain_allow_array\":[\"wikipedia.org\"]");
        HttpResponse<String> deny = send("PUT", "/users/me/domain_array/deny", "[\"\"]");
        assertThat(deny.statusCode()).isEqualTo(200);
        assertThat(deny.body()).contains("\"domain_deny_array\":[]");
    }

    @Test
    void aNumberWhereAnIdBelongsIs422NamingTheField() throws Exception {
        register();
        HttpResponse<String> response = send("POST", "/friendship/requests", "{\"user_id2\": 123}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"user_id2\"").contains("must be a string");
        assertThat(send("POST", "/friendship/accept", "{\"user_id1\": true}").body())
                .contains("\"field\":\"user_id1\"");
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequestProblem() throws Exception {
        assertBadRequestProblem(raw("GET /users/id/%FF%FE HTTP/1.1"));
        assertBadRequestProblem(raw("GET /users/id/%C3%28 HTTP/1.1"));
        assertBadRequestProblem(raw("GET /ping?x=%E9 HTTP/1.1"));
        assertThat(raw("GET /users/id/%C3%A9?x=%31 HTTP/1.1")).contains("\"detail\":\"User not found\"");
    }

    @Test
    void aMalformedPercentEscapeIsABadRequestProblem() throws Exception {
        for (String target : List.of(
                "/users/id/%zz",
                "/users/id/%4", "/users/search/name?limit=%zz", "/users/id/a%", "/users/search/name?limit=1%")) {
            try (Socket socket = socket()) {
                send(socket, "GET " + target + " HTTP/1.1");
                RawResponse response = RawResponse.read(socket.getInputStream());
                assertParseFailureProblem(response, target);
                assertThat(socket.getInputStream().read())
                        .as("closed after the problem: " + target)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void aMalformedRequestAfterAGoodOneOnTheSameConnectionIsAnsweredAsAProblem() throws Exception {
        try (Socket socket = socket()) {
            send(socket, "GET /ping HTTP/1.1");
            RawResponse first = RawResponse.read(socket.getInputStream());
            assertThat(first.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(first.headers()).doesNotContainEntry("connection", "close");
            send(socket, "GET /users/id/%zz HTTP/1.1");
            assertParseFailureProblem(RawResponse.read(socket.getInputStream()), "the second request");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    /**
     * A body shorter than its Content-Length, the client then half-closing: a whole JSON object that would register
     * the caller if the server took the bytes it got. Timing-dependent before it was fixed (500, sometimes 200), so
     * 20 times over, every other time with a pause before the half-close (the server is then waiting for more).
     */
    @Test
    void aBodyShorterThanItsContentLengthIsABadRequestProblemAndChangesNothing() throws Exception {
        String body = "{\"first_name\":\"Alice\",\"last_name\":\"L\"}";
        for (int attempt = 1; attempt <= 20; attempt++) {
            String response = halfClosed(
                    "POST /users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + ALICE + "\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() + 20)
                            + "\r\n\r\n" + body,
                    attempt % 2 == 0 ? 100 : 0);
            assertBadRequestProblem(response);
            assertThat(response).as("attempt " + attempt).contains("\"detail\":\"Request body could not be read\"");
            assertThat(send("GET", "/users/me", null).statusCode())
                    .as("attempt " + attempt)
                    .isEqualTo(404);
        }
    }

    /**
     * A chunked body cut off inside a chunk: Undertow's chunk reader closes the connection as it meets the end, so no
     * answer can be sent; what matters is that the request is not processed.
     */
    @Test
    void aChunkedBodyCutOffMidChunkIsNeverProcessed() throws Exception {
        String body = "{\"first_name\":\"Alice\",\"last_name\":\"L\"}";
        for (int attempt = 1; attempt <= 20; attempt++) {
            String response = halfClosed(
                    "POST /users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + ALICE + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(body.length() + 20) + "\r\n" + body,
                    attempt % 2 == 0 ? 100 : 0);
            assertThat(response)
                    .as("attempt " + attempt + ": the connection closed, nothing answered")
                    .isEmpty();
            assertThat(send("GET", "/users/me", null).statusCode())
                    .as("attempt " + attempt)
                    .isEqualTo(404);
        }
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() throws Exception {
        HttpResponse<String> response = send("DELETE", "/users/me", null);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(
                        allow -> assertThat(allow.split(", ")).containsExactlyInAnyOrder("GET", "POST", "PUT"));
        assertThat(response.body()).contains("\"status\":405");
        assertThat(send("POST", "/ping", null).headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void aPreflightWithoutOriginIsABadRequestProblem() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/users/me"))
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"A CORS preflight needs an Origin header\"");
    }

    private void assertBadRequestProblem(String response) {
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(response).contains("\"status\":400").contains("\"detail\":\"");
    }

    /** The whole answer Undertow's parser failure gets: a 400 problem, its length right, the connection closed. */
    private static void assertParseFailureProblem(RawResponse response, String what) throws IOException {
        assertThat(response.statusLine()).as(what).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(response.headers())
                .as(what)
                .containsEntry("content-type", "application/problem+json")
                .containsEntry("connection", "close")
                .containsEntry("content-length", Integer.toString(response.body().length));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).as(what).contains("could not be parsed");
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** A request line and a Host header, the connection kept open. */
    private static void send(Socket socket, String requestLine) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((requestLine + "\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One response read off a connection: its status line, headers (names lower-cased) and Content-Length body. */
    private record RawResponse(String statusLine, Map<String, String> headers, byte[] body) {

        static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                assertThat(next)
                        .as("the head so far: " + head.toString(StandardCharsets.ISO_8859_1))
                        .isNotNegative();
                head.write(next);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new RawResponse(lines[0], headers, body);
        }
    }

    /** A request line sent as bytes, because HTTP clients refuse to send a malformed one. */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ALICE
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends the bytes, waits {@code pauseMillis}, half-closes (the client can still read) and answers everything the
     * server then sends.
     */
    private String halfClosed(String request, long pauseMillis) throws IOException, InterruptedException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(pauseMillis);
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void register() throws Exception {
        assertThat(send("POST", "/users/me", "{\"first_name\":\"Alice\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private static String update(String dob, String allow) {
        return "{\"first_name\":\"Alice\",\"last_name\":\"L\",\"description\":\"\",\"share_mode\":\"default_none\","
                + "\"domain_allow_array\":" + allow + ",\"domain_deny_array\":[],\"gender\":null,\"school\":null,"
                + "\"work\":null,\"location\":null,\"email_public\":false,\"gender_public\":false,"
                + "\"school_public\":false,\"work_public\":false,\"location_public\":false,\"dob\":" + dob + "}";
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + ALICE)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** "user|email" is a valid token; anything else is rejected. */
    private static final class FakeTokens implements TokenVerifier {
        @Override
        public VerifiedIdentity verify(String token) {
            String[] parts = token.split("\\|");
            if (parts.length != 2) {
                throw new TokenRejectedException("malformed");
            }
            return new VerifiedIdentity(parts[0], parts[1]);
        }
    }
}
