package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.bootstrap.BadInputCorpus.Case;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least a thousand malformed requests over every route, generated from a fixed seed ({@link BadInputCorpus}),
 * sent over raw sockets to the whole service on PostgreSQL: none is answered 5xx, no body carries a stack trace, SQL
 * or a Java class name, the service keeps answering, and the database is exactly as before (every table dumped and
 * compared). {@code -Duser.api.corpus.seed=N} replays another corpus.
 */
class BadInputCorpusIT {

    private static final long SEED = Long.getLong("user.api.corpus.seed", 20_261_201L);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** What a leak from inside looks like; the corpus itself never sends these words. */
    private static final Pattern LEAK = Pattern.compile("(?i)exception|\\bat (java|jdk|com|org|io)\\.|\\bjava\\."
            + "|javax\\.|jakarta\\.|com\\.pagenow|org\\.(jooq|postgresql|h2|hibernate|flywaydb|slf4j)|io\\.undertow"
            + "|com\\.fasterxml|jackson|sqlstate|psql|syntax error|user_table|friendship_table|share_notification_"
            + "|idempotency_key_table|friend_search_text|select \"|insert into|violates|duplicate key|stack ?trace"
            + "|caused by|nullpointer|\\.java:\\d+");

    private static RunningService service;

    @BeforeAll
    static void start() {
        // Budgets off: the corpus is a flood from three users, and every request must reach its route.
        service = RunningService.start(
                BadInputCorpusIT.class,
                Map.of("RATE_LIMIT_WRITES_PER_MINUTE", "0", "RATE_LIMIT_SEARCHES_PER_MINUTE", "0"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void malformedRequestsOverEveryRouteGetNo5xxLeakNothingAndChangeNothing() throws Exception {
        String alice = user("c-alice", "Alice");
        String bob = user("c-bob", "Bob");
        String carol = user("c-carol", "Carol");
        String erin = user("c-erin", "Erin");
        befriend(alice, "c-alice", bob, "c-bob");
        assertThat(service.post("/friendship/requests", alice, "{\"user_id2\":\"c-carol\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/notifications/share", alice, "{\"url\":\"https://example.com/seed\",\"title\":\"s\"}")
                        .status())
                .isEqualTo(200);
        assertThat(erin).isNotNull();
        assertThat(carol).isNotNull();
        Map<String, String> before = dump();

        List<String> routes = service.api().routes();
        List<Case> corpus = BadInputCorpus.generate(
                SEED, routes, new BadInputCorpus.Tokens(alice, bob, service.token("c-mallory"), badTokens()));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(BadInputCorpus.perRoute(corpus).keySet()).containsAll(routes);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int unanswered = 0;
        long started = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            Case request = corpus.get(i);
            RawHttp.Response response = RawHttp.send(service.port(), request.request(), TIMEOUT);
            statuses.merge(response.status(), 1, Integer::sum);
            String where = "#" + i + " " + request.route() + " [" + request.label() + "]";
            if (response.status() < 0) {
                unanswered++;
                if (!request.protocolLevel()) {
                    failures.add(where + ": no answer");
                }
            } else if (response.status() >= 500) {
                failures.add(where + ": " + response.status() + " " + shorten(response.body()));
            } else if (response.status() >= 400 && !isProblem(response, request.request())) {
                failures.add(where + ": " + response.status() + " is not a problem: " + shorten(response.head()));
            } else if (!isDocumentation(request.route(), response.status())) {
                Matcher leak = LEAK.matcher(response.body());
                if (leak.find()) {
                    failures.add(where + ": leaks '" + leak.group() + "' in " + shorten(response.body()));
                }
            }
            if (i % 250 == 0) {
                assertThat(service.get("/ping", null).status())
                        .as("still up after " + i)
                        .isEqualTo(200);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "Bad-input corpus: %d requests over %d routes in %d ms, seed %d; statuses %s;"
                        + " %d closed without an answer (all malformed at the HTTP level)%n",
                corpus.size(), routes.size(), millis, SEED, statuses, unanswered);

        assertThat(failures.subList(0, Math.min(30, failures.size())))
                .as("requests that failed the checks (first 30 of " + failures.size() + ")")
                .isEmpty();
        assertThat(service.get("/ping", null).status()).isEqualTo(200);
        assertThat(service.get("/health", null).status()).isEqualTo(200);
        assertThat(service.get("/users/me", alice).status()).isEqualTo(200);
        assertThat(dump()).as("every table, row by row").isEqualTo(before);
    }

    /** Tokens that must never pass, as whole Authorization header values. */
    private static List<String> badTokens() {
        Instant now = Instant.now();
        String valid = service.token("c-alice");
        return List.of(
                "",
                "Bearer",
                "Bearer ",
                "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
                "Bearer x",
                "Bearer a.b.c",
                "Bearer " + "A".repeat(20_000),
                "Bearer "
                        + service.tokenFor("c-alice")
                                .expiresAt(now.minusSeconds(3600))
                                .signedWith(service.signingKey()),
                "Bearer "
                        + service.tokenFor("c-alice")
                                .claim("iat", now.plusSeconds(3600).getEpochSecond())
                                .signedWith(service.signingKey()),
                "Bearer " + service.tokenFor("c-alice").signedWith(TestTokens.newRsaKey("e2e-key")),
                "Bearer " + service.tokenFor("c-alice").unsigned(),
                "Bearer " + service.tokenFor("c-alice").hmacSignedWith(new byte[32]),
                "Bearer " + service.tokenFor("c-al\u0000ice").signedWith(service.signingKey()),
                "Bearer " + service.tokenFor("c-al\tice").signedWith(service.signingKey()),
                "Bearer " + service.tokenFor("x".repeat(51)).signedWith(service.signingKey()),
                "Bearer "
                        + service.tokenFor("c-alice")
                                .email("c-al\u0000ice@example.com")
                                .signedWith(service.signingKey()),
                "Bearer "
                        + service.tokenFor("c-alice")
                                .claim("cognito:username", 42)
                                .signedWith(service.signingKey()),
                "Bearer " + valid + "x",
                "Bearer " + valid + " " + valid,
                "Bearer " + valid.replace('.', '%'));
    }

    /**
     * docs/api.md: every error is {@code application/problem+json}, Undertow's parse failures included. A {@code HEAD}
     * answer has no body. The one exception docs/api.md names: Undertow's own Host header check ends the exchange
     * before any handler with a bare {@code 400} whose reason phrase names the Host header.
     */
    private static boolean isProblem(RawHttp.Response response, byte[] request) {
        String head = response.head().toLowerCase(Locale.ROOT);
        if (head.startsWith("http/1.1 400 ")
                && head.substring(0, head.indexOf('\r')).contains("host")) {
            return true;
        }
        boolean headRequest =
                new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).equals("HEAD ");
        return head.contains("content-type: application/problem+json")
                && (headRequest || response.body().contains("\"status\":" + response.status()));
    }

    private static boolean isDocumentation(String route, int status) {
        // Served documents and metrics name Java things by design (JVM metrics, Swagger UI's script).
        return status < 400
                && (route.startsWith("GET /docs") || route.equals("GET /openapi.json") || route.equals("GET /metrics"));
    }

    /** Every table of the schema, each as its rows' text in order. */
    private static Map<String, String> dump() throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection connection = service.database().connect();
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet result =
                        statement.executeQuery("SELECT count(*) || E'\\n' || coalesce(string_agg(t::text,"
                                + " E'\\n' ORDER BY t::text), '') FROM \"" + name + "\" t")) {
                    result.next();
                    tables.put(name, result.getString(1));
                }
            }
        }
        assertThat(tables)
                .containsKeys(
                        "user_table",
                        "friendship_table",
                        "share_notification_table",
                        "share_notification_seen_table",
                        "idempotency_key_table");
        return tables;
    }

    private static String user(String id, String firstName) {
        // Signed in an hour ago: DELETE /users/me takes no input a corpus could spoil, and must still change nothing
        // (it answers the RFC 9470 401 for a sign-in older than ACCOUNT_DELETION_MAX_AGE).
        String token = service.tokenFor(id)
                .claim("auth_time", java.time.Instant.now().minusSeconds(3600).getEpochSecond())
                .signedWith(service.signingKey());
        Response created =
                service.post("/users/me", token, "{\"first_name\":\"" + firstName + "\",\"last_name\":\"Corpus\"}");
        assertThat(created.status()).isEqualTo(200);
        return token;
    }

    private static void befriend(String requester, String requesterId, String addressee, String addresseeId) {
        assertThat(service.post("/friendship/requests", requester, "{\"user_id2\":\"" + addresseeId + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", addressee, "{\"user_id1\":\"" + requesterId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 300 ? clean : clean.substring(0, 300) + "...";
    }
}
