package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's fast query answers exactly what a slow, obviously correct query answers: no LIKE (so no
 * escaping to get wrong), one correlated count per matched user, ordered by docs/api.md's ranking. Runs on a seeded
 * data set full of look-alike names, wildcards and non-ASCII text. With the system property
 * {@code user.api.search.reference.url} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/bench_search_100k}) it
 * compares on that database instead, with the benchmark's three-letter prefixes and random viewers, and changes
 * nothing there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchReferenceIT {

    /** Rank of every user whose field contains the text, relative to the viewer; nothing but plain SQL. */
    private static final String REFERENCE = """
            WITH p AS (SELECT CAST(? AS varchar) AS me, lower(CAST(? AS varchar)) AS q),
            mine AS (
                SELECT CASE WHEN f.user_id1 = p.me THEN f.user_id2 ELSE f.user_id1 END AS friend
                FROM friendship_table f, p
                WHERE (f.user_id1 = p.me OR f.user_id2 = p.me) AND f.accepted_at IS NOT NULL),
            matched AS (
                SELECT u.user_id, %1$s AS t, p.me, p.q
                FROM user_table u, p
                WHERE u.user_id <> p.me AND strpos(%1$s, p.q) > 0 AND %3$s),
            ranked AS (
                SELECT m.user_id,
                       COALESCE((SELECT CASE WHEN f.accepted_at IS NOT NULL THEN 'FRIENDS'
                                             WHEN f.user_id1 = m.me THEN 'OUTGOING' ELSE 'INCOMING' END
                                 FROM friendship_table f
                                 WHERE (f.user_id1 = m.me AND f.user_id2 = m.user_id)
                                    OR (f.user_id2 = m.me AND f.user_id1 = m.user_id)), 'NONE') AS status,
                       (SELECT count(*) FROM mine
                        WHERE EXISTS (SELECT 1 FROM friendship_table g
                                      WHERE g.accepted_at IS NOT NULL
                                        AND ((g.user_id1 = mine.friend AND g.user_id2 = m.user_id)
                                          OR (g.user_id2 = mine.friend AND g.user_id1 = m.user_id)))) AS mutual,
                       CASE WHEN left(m.t, length(m.q)) = m.q THEN 3
                            WHEN right(m.t, length(m.q)) = m.q THEN 2 ELSE 1 END AS score
                FROM matched m)
            SELECT user_id, status, mutual
            FROM ranked
            WHERE %2$s
            ORDER BY CASE status WHEN 'FRIENDS' THEN 2 WHEN 'NONE' THEN 0 ELSE 1 END DESC,
                     mutual DESC, score DESC, user_id DESC
            """;

    private static final String NAME = "lower(u.first_name || ' ' || u.last_name)";
    private static final String EMAIL = "lower(u.email)";
    /** A private address matches only as the whole address (API.md, "User search"). */
    private static final String EMAIL_SHOWN = "(u.email_public OR lower(u.email) = p.q)";

    private static final List<String> FIRST = List.of(
            "Ann",
            "Anna",
            "Hannah",
            "Joann",
            "Marianne",
            "Łukasz",
            "Lukas",
            "이용균",
            "용",
            "Mar%ia",
            "Jo_hn",
            "Back\\slash",
            "O'Brien",
            "ann",
            "ANNE",
            "Zoë",
            "Lee",
            "Channa");
    private static final List<String> LAST = List.of(
            "Lee", "Annan", "Kim", "Mann", "100%", "x_y", "Back\\", "Smith", "Łoś", "박", "Vann", "Channing", "Ann");
    private static final List<String> DOMAINS = List.of("example.com", "ann.org", "mail%.net", "x_y.io", "LEE.kr");
    private static final List<String> TEXTS = List.of(
            "ann", "an", "a", "ANN", " ann ", "ann\\", "nn", "lee", "e", "%", "_", "\\s", "k\\s", "x_y", "100%", "ł",
            "łu", "이", "용균", "o'b", "zzz", "ann lee", "na ", "n.1", "@ann", ".org", "mail%", "1@", "kim");
    private static final List<String> BENCH_PREFIXES = List.of(
            "jam", "mar", "rob", "pat", "joh", "jen", "mic", "lin", "dav", "eli", "wil", "bar", "ric", "sus", "jos",
            "olg", "ahm", "hyu", "wei", "kim");

    private TestDatabase database;
    private Persistence persistence;
    private final List<String> viewers = new ArrayList<>();
    private boolean external;

    @BeforeAll
    void start() {
        String url = System.getProperty("user.api.search.reference.url");
        external = url != null && !url.isBlank();
        if (external) {
            persistence = Persistence.start(
                    PersistenceSettings.of(url, "postgres", null).withPoolSize(2));
            viewers.addAll(sample(url, 12));
        } else {
            database = TestDatabase.postgres(getClass());
            persistence = Persistence.start(database.settings());
            seed(2000, 8, 42);
        }
    }

    @AfterAll
    void stop() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void searchAnswersWhatTheSlowReferenceAnswers() {
        List<String> texts = external ? BENCH_PREFIXES : TEXTS;
        List<PageRequest> pages =
                List.of(PageRequest.of(15, 0), PageRequest.of(15, 15), PageRequest.of(7, 3), PageRequest.of(15, 40));
        int compared = 0;
        int nonEmpty = 0;
        // The default walk answers a small data set from the walk alone; the short ones make the tiers fall back
        // to reading every match from the indexes, for some texts (200) or nearly all (5).
        Map<Integer, UserSearchRepository> searches = new LinkedHashMap<>();
        searches.put(JooqUserSearchRepository.DEFAULT_WALK, search());
        searches.put(200, new JooqUserSearchRepository(persistence.jooq(), 200));
        searches.put(5, new JooqUserSearchRepository(persistence.jooq(), 5));
        for (String viewer : viewers) {
            for (String raw : texts) {
                for (SearchField field : SearchField.values()) {
                    SearchText text = SearchText.of(raw);
                    List<String> reference = reference(viewer, field, text.value(), "TRUE");
                    for (PageRequest page : pages) {
                        List<String> expected = window(reference, page);
                        searches.forEach(
                                (walk, search) -> assertThat(rows(search.search(UserId.of(viewer), field, text, page)))
                                        .as("%s searching %s for [%s], %s, walking %d", viewer, field, raw, page, walk)
                                        .containsExactlyElementsOf(expected));
                        compared++;
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertThat(nonEmpty).as("pages with results").isGreaterThan(compared / 3);
    }

    @Test
    void friendSearchAnswersWhatTheSlowReferenceAnswers() {
        List<String> texts = external ? BENCH_PREFIXES : TEXTS;
        int nonEmpty = 0;
        for (String viewer : viewers) {
            for (String raw : texts) {
                for (SearchField field : SearchField.values()) {
                    SearchText text = SearchText.of(raw);
                    List<String> reference = reference(viewer, field, text.value(), "status = 'FRIENDS'");
                    List<String> actual =
                            rows(search().searchFriends(UserId.of(viewer), field, text, false, PageRequest.of(15, 0)));
                    assertThat(actual)
                            .as("%s searching friends' %s for [%s]", viewer, field, raw)
                            .containsExactlyElementsOf(window(reference, PageRequest.of(15, 0)));
                    nonEmpty += actual.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(nonEmpty).isPositive();
    }

    private UserSearchRepository search() {
        return persistence.userSearch();
    }

    /** "user_id STATUS mutual", ranked, every match. */
    private List<String> reference(String viewer, SearchField field, String text, String filter) {
        String sql = field == SearchField.NAME
                ? REFERENCE.formatted(NAME, filter, "true")
                : REFERENCE.formatted(EMAIL, filter, EMAIL_SHOWN);
        try (Connection connection = persistence
                        .jooq()
                        .dsl()
                        .configuration()
                        .connectionProvider()
                        .acquire();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, viewer);
            statement.setString(2, text);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getLong(3));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> window(List<String> rows, PageRequest page) {
        return rows.subList(Math.min(page.offset(), rows.size()), Math.min(page.offset() + page.limit(), rows.size()));
    }

    private static List<String> rows(List<UserSummary> users) {
        return users.stream()
                .map(user -> user.id().value() + " " + user.status() + " " + user.mutualFriendCount())
                .toList();
    }

    /** Users named from look-alike lists, about {@code degree} relationships each (4 in 5 accepted). */
    private void seed(int users, int degree, long seed) {
        Random random = new Random(seed);
        Set<String> pairs = new HashSet<>();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement(
                    "INSERT INTO user_table (user_id, email, first_name, last_name, email_public)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < users; i++) {
                    String first = FIRST.get(random.nextInt(FIRST.size()));
                    String last = LAST.get(random.nextInt(LAST.size()));
                    String local = (first + "." + last).replace(' ', '.');
                    user.setString(1, id(i));
                    user.setString(2, local + "." + i + "@" + DOMAINS.get(random.nextInt(DOMAINS.size())));
                    user.setString(3, first);
                    user.setString(4, last);
                    user.setBoolean(5, random.nextInt(3) > 0);
                    user.addBatch();
                }
                user.executeBatch();
            }
            try (PreparedStatement friendship = connection.prepareStatement(
                    "INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < users * degree / 2; i++) {
                    int a = random.nextInt(users);
                    // Half the partners are near neighbours, so that neighbours share friends.
                    int b = random.nextBoolean()
                            ? Math.floorMod(a + random.nextInt(21) - 10, users)
                            : random.nextInt(users);
                    if (a == b || !pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                        continue;
                    }
                    friendship.setString(1, id(a));
                    friendship.setString(2, id(b));
                    friendship.setTimestamp(
                            3, random.nextInt(5) == 0 ? null : java.sql.Timestamp.valueOf("2024-01-01 00:00:00"));
                    friendship.addBatch();
                }
                friendship.executeBatch();
            }
            connection.commit();
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed", e);
        }
        for (int i = 0; i < users; i += users / 8) {
            viewers.add(id(i));
        }
    }

    private static String id(int i) {
        return "u" + String.format("%05d", i);
    }

    /** Viewers spread over an existing database, as the benchmark picks its callers. */
    private static List<String> sample(String url, int count) {
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", null);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT user_id FROM user_table ORDER BY md5(user_id) LIMIT ?")) {
            statement.setInt(1, count);
            List<String> ids = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
