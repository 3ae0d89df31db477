package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabases;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Taking over a database the old service made: its schema, its rows, no Flyway history. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionIT {

    // Rows the way the old service (SQLAlchemy, every column) and the siblings' fixtures (few columns) wrote them,
    // including values the new domain would not accept on input.
    private static final String USERS = """
            INSERT INTO user_table (user_id, email, email_public, first_name, last_name, dob, dob_public, created_at,
                share_mode, domain_allow_array, domain_deny_array, gender, gender_public, school, school_public,
                work, work_public, location, location_public, description, profile_image_uploaded_at,
                profile_image_extension)
            VALUES ('full', 'full@example.com', true, 'Ada', 'Lovelace', '1815-12-10', true,
                    '2021-10-13 21:36:38.123456', 'default_all',
                    '{Wikipedia.org, wikipedia.org, "http://bad.example/path", "", github.com}', '{facebook.com}',
                    'female', true, 'home', false, 'Analytical Engine', true, 'London', false, 'first programmer',
                    '2022-01-02 03:04:05', 'jpg'),
                   ('odd', 'not-an-email', false, '', '   ', NULL, false, '2020-01-01 00:00:00', 'sometimes',
                    '{}', '{}', '', false, '', false, '', false, '', false, '', NULL, NULL),
                   ('long', 'long@example.com', false, repeat('x', 60), 'Smith', NULL, false,
                    '2020-06-01 12:00:00', 'default_none', '{}', '{}', '', false, '', false, '', false, '', false,
                    repeat('d', 900), NULL, NULL);
            INSERT INTO user_table (user_id, email, first_name, last_name, gender, dob, domain_allow_array,
                domain_deny_array)
            VALUES ('sibling', 'sibling@example.com', 'Sib', 'Ling', '', '2000-02-29', '{cnn.com}', '{}');
            INSERT INTO friendship_table (user_id1, user_id2, requested_at, accepted_at)
            VALUES ('full', 'sibling', '2021-01-01 00:00:00', '2021-01-02 00:00:00'),
                   ('odd', 'full', '2021-03-01 00:00:00', NULL);
            INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES ('long', 'sibling', now());
            """;

    private static final String CURRENT_SHARES = """
            INSERT INTO share_notification_table (event_id, user_id, sent_at, url, title, sent_to)
            VALUES ('11111111-1111-1111-1111-111111111111', 'full', '2021-05-05 05:05:05', 'https://a.example/', 'A', NULL),
                   ('22222222-2222-2222-2222-222222222222', 'sibling', '2021-06-06 06:06:06', 'https://b.example/', 'B', 'full');
            INSERT INTO share_notification_table (user_id, url, title) VALUES ('full', 'https://c.example/', 'C');
            INSERT INTO share_notification_seen_table (event_id, user_id, seen_at)
            VALUES ('11111111-1111-1111-1111-111111111111', 'sibling', '2021-05-06 00:00:00'),
                   ('22222222-2222-2222-2222-222222222222', 'full', NULL);
            """;

    private static final String ALEMBIC = """
            CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,
                CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
            INSERT INTO alembic_version VALUES ('4f2e1c9a7b3d');
            """;

    private static final String OLDER_VARIANT = """
            ALTER TABLE share_notification_table DROP COLUMN sent_to;
            ALTER TABLE share_notification_table RENAME COLUMN sent_at TO "timestamp";
            ALTER TABLE share_notification_table ALTER COLUMN "timestamp" DROP NOT NULL;
            """;

    private static final String OLDER_SHARES = """
            INSERT INTO share_notification_table (event_id, user_id, "timestamp", url, title)
            VALUES ('11111111-1111-1111-1111-111111111111', 'full', '2021-05-05 05:05:05.5', 'https://a.example/', 'A'),
                   ('22222222-2222-2222-2222-222222222222', 'sibling', '2019-12-31 23:59:59', 'https://b.example/', 'B'),
                   ('33333333-3333-3333-3333-333333333333', 'odd', NULL, 'https://c.example/', 'C');
            INSERT INTO share_notification_seen_table (event_id, user_id, seen_at)
            VALUES ('11111111-1111-1111-1111-111111111111', 'sibling', '2021-05-06 00:00:00'),
                   ('22222222-2222-2222-2222-222222222222', 'full', NULL);
            """;

    private static final String USER_ROWS = "SELECT * FROM user_table ORDER BY user_id";
    private static final String FRIENDSHIP_ROWS = "SELECT * FROM friendship_table ORDER BY user_id1, user_id2";
    private static final String SEEN_ROWS = "SELECT * FROM share_notification_seen_table ORDER BY event_id, user_id";
    private static final String ALEMBIC_ROWS = "SELECT * FROM alembic_version";

    private final TestDatabases databases = new TestDatabases(getClass());

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    void currentOldSchemaIsBaselinedAtOneAndKeepsEveryRow() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        database.execute(USERS + CURRENT_SHARES + ALEMBIC);
        List<List<String>> before = snapshot(
                database,
                "SELECT event_id, user_id, sent_at, url, title, sent_to FROM share_notification_table ORDER BY url");

        try (Persistence persistence = Persistence.start(database.settings())) {
            assertThat(history(database))
                    .startsWith("1 BASELINE true", "2 SQL true")
                    .allMatch(row -> row.endsWith(" true"));
            assertThat(
                            snapshot(
                                    database,
                                    "SELECT event_id, user_id, sent_at, url, title, sent_to FROM share_notification_table ORDER BY url"))
                    .isEqualTo(before);
            assertEveryUserIsReadable(persistence);
        }
    }

    @Test
    void olderSchemaVariantGetsSentAtAndSentToWithEveryRowKept() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        database.execute(OLDER_VARIANT + USERS + OLDER_SHARES + ALEMBIC);
        List<List<String>> before = snapshot(
                database,
                "SELECT event_id, user_id, \"timestamp\", url, title FROM share_notification_table ORDER BY url");

        try (Persistence persistence = Persistence.start(database.settings())) {
            assertThat(history(database)).startsWith("1 BASELINE true", "2 SQL true");
            List<String> shares = rows(
                    database,
                    "SELECT event_id, user_id, sent_at, url, title, sent_to FROM share_notification_table ORDER BY url");
            assertThat(shares)
                    .containsExactly(
                            "11111111-1111-1111-1111-111111111111 | full | 2021-05-05 05:05:05.5 | https://a.example/ | A | null",
                            "22222222-2222-2222-2222-222222222222 | sibling | 2019-12-31 23:59:59 | https://b.example/ | B | null",
                            "33333333-3333-3333-3333-333333333333 | odd | 1970-01-01 00:00:00 | https://c.example/ | C | null");
            List<List<String>> after = snapshot(
                    database,
                    "SELECT event_id, user_id, sent_at, url, title FROM share_notification_table ORDER BY url");
            assertThat(after.subList(1, after.size())).isEqualTo(before.subList(1, before.size()));
            assertEveryUserIsReadable(persistence);

            // The adopted table now has the current shape: columns, defaults, keys, indexes.
            SchemaSnapshot adopted = SchemaSnapshot.of(database);
            SchemaSnapshot current = currentSchema();
            assertThat(onlyShares(adopted.columnsWithoutPosition()))
                    .containsExactlyInAnyOrderElementsOf(onlyShares(current.columnsWithoutPosition()));
            assertThat(onlyShares(adopted.constraints())).containsAll(onlyShares(current.constraints()));
            assertThat(onlyShares(adopted.indexes())).containsAll(onlyShares(current.indexes()));
        }
        // A sender who omits sent_at still gets the default, as with the current schema.
        database.execute(
                "INSERT INTO share_notification_table (user_id, url, title) VALUES ('full', 'https://d.example/', 'D')");
        assertThat(rows(database, "SELECT sent_at IS NOT NULL FROM share_notification_table WHERE title = 'D'"))
                .containsExactly("t");
    }

    @Test
    void migratingAnAdoptedDatabaseAgainChangesNothing() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        database.execute(OLDER_VARIANT + USERS + OLDER_SHARES);
        Persistence.start(database.settings()).close();
        List<List<String>> before = snapshot(database, "SELECT * FROM share_notification_table ORDER BY url");
        List<String> historyBefore = history(database);

        Persistence.start(database.settings()).close();

        assertThat(snapshot(database, "SELECT * FROM share_notification_table ORDER BY url"))
                .isEqualTo(before);
        assertThat(history(database)).isEqualTo(historyBefore);
    }

    @Test
    void schemaWithoutTheUserTablesGetsThemAll() {
        TestDatabase database = databases.postgres();
        database.execute(ALEMBIC);

        try (Persistence persistence = Persistence.start(database.settings())) {
            assertThat(history(database)).startsWith("0 BASELINE true", "1 SQL true", "2 SQL true");
            assertThat(persistence.users().exists(UserId.of("anyone"))).isFalse();
            assertThat(rows(database, ALEMBIC_ROWS)).containsExactly("4f2e1c9a7b3d");
        }
    }

    private void assertEveryUserIsReadable(Persistence persistence) {
        List<User> users = persistence
                .users()
                .findAllByIds(List.of(UserId.of("full"), UserId.of("odd"), UserId.of("long"), UserId.of("sibling")));
        assertThat(users).hasSize(4);

        User full = persistence.users().findById(UserId.of("full")).orElseThrow();
        assertThat(full.email().value()).isEqualTo("full@example.com");
        assertThat(full.firstName().value()).isEqualTo("Ada");
        assertThat(full.details().dob()).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(full.createdAt()).isEqualTo(Instant.parse("2021-10-13T21:36:38.123456Z"));
        assertThat(full.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_ALL);
        assertThat(full.sharing().allowList().values()).containsExactly("wikipedia.org", "github.com");
        assertThat(full.profileImage().uploadedAt()).isEqualTo(Instant.parse("2022-01-02T03:04:05Z"));
        assertThat(full.profileImage().extension()).isEqualTo("jpg");
        assertThat(full.visibility().workPublic()).isTrue();
        assertThat(full.visibility().schoolPublic()).isFalse();

        User odd = persistence.users().findById(UserId.of("odd")).orElseThrow();
        assertThat(odd.firstName().value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
        assertThat(odd.lastName().value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
        assertThat(odd.email().value()).isEqualTo("odd@unknown-email.invalid");
        assertThat(odd.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);

        User longName = persistence.users().findById(UserId.of("long")).orElseThrow();
        assertThat(longName.firstName().value()).isEqualTo("x".repeat(50));
        assertThat(longName.details().description().value()).hasSize(900);

        User sibling = persistence.users().findById(UserId.of("sibling")).orElseThrow();
        assertThat(sibling.details().dob()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(sibling.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThat(sibling.sharing().allowList().values()).containsExactly("cnn.com");
        assertThat(sibling.createdAt()).isNotNull();
    }

    /** The rows of the tables adoption must not touch, plus the share rows from {@code sharesQuery}. */
    private static List<List<String>> snapshot(TestDatabase database, String sharesQuery) {
        List<List<String>> tables = new ArrayList<>();
        tables.add(rows(database, sharesQuery));
        tables.add(rows(database, USER_ROWS));
        tables.add(rows(database, FRIENDSHIP_ROWS));
        tables.add(rows(database, SEEN_ROWS));
        tables.add(
                rows(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'alembic_version'")
                                .contains("1")
                        ? rows(database, ALEMBIC_ROWS)
                        : List.of());
        assertThat(tables.get(1)).hasSize(4);
        return tables;
    }

    private static List<String> history(TestDatabase database) {
        return rows(
                database,
                "SELECT version || ' ' || type || ' ' || success FROM flyway_schema_history ORDER BY installed_rank");
    }

    private SchemaSnapshot currentSchema() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        Persistence.start(database.settings()).close();
        return SchemaSnapshot.of(database);
    }

    private static List<String> onlyShares(List<String> rows) {
        return rows.stream()
                .filter(row -> row.startsWith("share_notification_table |"))
                .toList();
    }
}
