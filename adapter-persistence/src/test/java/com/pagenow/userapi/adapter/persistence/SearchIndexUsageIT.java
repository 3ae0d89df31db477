package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.readmodel.SearchField;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;

/**
 * The expressions the search writes are the ones V4, V5, V6 and V11 indexed: PostgreSQL can answer each kind of match
 * from its index (seen with the alternatives switched off, since a test database is too small to need an index). An
 * e-mail search reads V11's indexes of public addresses, and V4's for a private address equal to the text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexUsageIT {

    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    private TestDatabase database;

    @BeforeAll
    void migrate() {
        database = TestDatabase.postgres(getClass());
        Persistence.start(database.settings()).close();
        // Enough users, vacuumed, for index-only scans to be worth planning, as on any live table: on a table
        // never vacuumed the planner expects every index-only read to visit the table as well.
        explain(
                List.of(
                        "INSERT INTO user_table (user_id, email, first_name, last_name) SELECT 'u' || n, "
                                + "'user' || n || '@example.com', 'First' || n, 'Last' || n FROM generate_series(1, 2000) AS n",
                        "UPDATE user_table SET email_public = true WHERE right(user_id, 1) IN ('0', '3', '6')",
                        "VACUUM ANALYZE user_table"),
                "SELECT 1");
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void infixAndSuffixMatchesUseTheTrigramIndexes() {
        assertThat(plan(SearchField.NAME, "%ann lee%", "SET enable_indexscan = off"))
                .contains("Bitmap Index Scan on user_table_search_name_trgm_idx");
        assertThat(plan(SearchField.NAME, "%lee", "SET enable_indexscan = off"))
                .contains("Bitmap Index Scan on user_table_search_name_trgm_idx");
        assertThat(plan(SearchField.EMAIL, "%ser1236@%", "SET enable_indexscan = off"))
                .contains("Bitmap Index Scan on user_table_search_public_email_trgm_idx");
    }

    @Test
    void prefixMatchesUseThePatternIndexes() {
        String name = plan(SearchField.NAME, "ann l%", "SET enable_bitmapscan = off");
        assertThat(name).contains("Index Scan using user_table_search_name_prefix_idx");
        String email = plan(SearchField.EMAIL, "ann.lee@%", "SET enable_bitmapscan = off");
        assertThat(email).contains("Index Scan using user_table_search_public_email_prefix_idx");
    }

    @ParameterizedTest
    @EnumSource(SearchField.class)
    void theReusedPlanOfTheSearchReadsEveryPartFromAnIndex(SearchField field) {
        String sql =
                RENDER.render(new SearchStatements(field, true, true, JooqUserSearchRepository.DEFAULT_WALK).search());
        String values = "'u1', 'ann%', '%ann', '%ann%', 'ann', 'ann', 'ann' || chr(1114111), 15, 0, 15";

        String plan = genericPlan(sql, values);
        assertThat(plan)
                .as("the plan made without the values, as PostgreSQL reuses it")
                .containsPattern("(Index Scan using|Bitmap Index Scan on) " + index(field, "prefix") + "\\b")
                .contains("Index Only Scan Backward using " + index(field, "walk"))
                .as("the viewer's relationships, looked up with their texts")
                .contains("Index Only Scan using user_table_search_"
                        + field.name().toLowerCase(Locale.ROOT) + "_walk_idx")
                .contains("Index Only Scan using friend_search_text_pkey")
                .doesNotContain("Seq Scan");
        if (field == SearchField.EMAIL) {
            assertThat(plan)
                    .as("a private address equal to the text, by equality")
                    .containsPattern("(Index Scan using|Bitmap Index Scan on) user_table_search_email_prefix_idx");
        }
        // On a table this small the suffix and infix candidates are cheaper to read from the walk index; at
        // a million users the planner picks the trigram index (docs/benchmarks.md, "Search"), which it can use only
        // because the pattern is compared directly, as here once the btree paths are switched off.
        assertThat(genericPlan(sql, values, "SET enable_indexscan = off", "SET enable_indexonlyscan = off"))
                .contains("Bitmap Index Scan on " + index(field, "trgm"))
                .doesNotContain("Seq Scan");
    }

    @ParameterizedTest
    @EnumSource(SearchField.class)
    void theWalksReadTheLowerCasedTextFromTheIndexInsteadOfComputingIt(SearchField field) {
        String sql =
                RENDER.render(new SearchStatements(field, true, true, JooqUserSearchRepository.DEFAULT_WALK).search());
        String values = "'u1', 'ann%', '%ann', '%ann%', 'ann', 'ann', 'ann' || chr(1114111), 15, 0, 15";
        List<String> outputs =
                outputsOf(verboseGenericPlan(sql, values), "Index Only Scan Backward using " + index(field, "walk"));

        // EXPLAIN VERBOSE shows an indexed expression read from the index in parentheses, a computed one bare.
        // (The look-ups of the viewer's relationships read it too at a million users, docs/benchmarks.md;
        // on a table this small the planner may evaluate their filter above the scan instead.)
        assertThat(outputs)
                .hasSize(3)
                .allSatisfy(output -> assertThat(output).contains(", (lower(").doesNotContain(", lower("));
    }

    @ParameterizedTest
    @EnumSource(SearchField.class)
    void withoutATrigramTheSuffixAndInfixTiersWalkTheIdsInsteadOfTheTrigramIndex(SearchField field) {
        String sql =
                RENDER.render(new SearchStatements(field, true, false, JooqUserSearchRepository.DEFAULT_WALK).search());
        String values = "'u1', 'x%', '%x', '%x%', 'x', 'x', 'x' || chr(1114111), 15, 0, 15";

        assertThat(genericPlan(sql, values))
                .containsPattern("(Index Scan using|Bitmap Index Scan on) " + index(field, "prefix") + "\\b")
                .doesNotContain("_trgm_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aTrigramNeedsThreeLettersOrDigitsInARow() {
        assertThat(SearchStatements.hasTrigram("ann")).isTrue();
        assertThat(SearchStatements.hasTrigram("이용균")).isTrue();
        assertThat(SearchStatements.hasTrigram("a.b.c")).isFalse();
        assertThat(SearchStatements.hasTrigram("an")).isFalse();
        assertThat(SearchStatements.hasTrigram("%_\\")).isFalse();
    }

    @Test
    void pgTrgmIsInstalled() throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")) {
            assertThat(result.next()).isTrue();
        }
    }

    /** The index of the stranger tiers: V4/V5's per field, for e-mail V11's of public addresses. */
    private static String index(SearchField field, String kind) {
        return switch (field) {
            case NAME -> "user_table_search_name_" + kind + "_idx";
            case EMAIL -> "user_table_search_public_email_" + kind + "_idx";
        };
    }

    /** The {@code Output:} line of every node starting with {@code scan} in a verbose plan. */
    private static List<String> outputsOf(String verbosePlan, String scan) {
        List<String> outputs = new ArrayList<>();
        String[] lines = verbosePlan.split("\n");
        for (int at = 0; at + 1 < lines.length; at++) {
            if (lines[at].contains(scan)) {
                outputs.add(lines[at + 1].trim());
            }
        }
        return outputs;
    }

    /** EXPLAIN of the statement as a prepared statement whose plan is made once, for any value. */
    private String genericPlan(String sql, String values, String... settings) {
        return genericPlan("EXPLAIN", sql, values, settings);
    }

    private String verboseGenericPlan(String sql, String values) {
        return genericPlan("EXPLAIN (VERBOSE)", sql, values, new String[0]);
    }

    private String genericPlan(String explain, String sql, String values, String[] settings) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        assertThat(parameter).isEqualTo(SearchBinds.NAMES.size());
        List<String> setup = new ArrayList<>(List.of(
                "SET plan_cache_mode = force_generic_plan",
                // The test tables are tiny: without this, reading them whole is what the planner would rightly pick.
                "SET enable_seqscan = off"));
        setup.addAll(List.of(settings));
        setup.add("PREPARE search AS " + numbered);
        return explain(setup, explain + " EXECUTE search(" + values + ")");
    }

    private String plan(SearchField field, String pattern, String... settings) {
        Field<String> matched = SearchStatements.matched(USER_TABLE.as("u"), field);
        String sql = RENDER.renderInlined(DSL.select(USER_TABLE.as("u").USER_ID)
                .from(USER_TABLE.as("u"))
                .where(matched.like(lower(inline(pattern))))
                .and(
                        field == SearchField.EMAIL
                                ? USER_TABLE.as("u").EMAIL_PUBLIC.isTrue()
                                : DSL.noCondition()));
        List<String> setup = new ArrayList<>(List.of("SET enable_seqscan = off", "SET enable_indexonlyscan = off"));
        setup.addAll(List.of(settings));
        return explain(setup, "EXPLAIN " + sql);
    }

    /** The plan printed by {@code explain}, after running {@code setup} on the same connection. */
    private String explain(List<String> setup, String explain) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String step : setup) {
                statement.execute(step);
            }
            StringJoiner plan = new StringJoiner("\n");
            try (ResultSet result = statement.executeQuery(explain)) {
                while (result.next()) {
                    plan.add(result.getString(1));
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(explain, e);
        }
    }
}
