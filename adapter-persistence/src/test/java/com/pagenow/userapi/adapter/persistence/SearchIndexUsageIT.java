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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;

/**
 * The expressions the search writes are the ones V4 indexed: PostgreSQL can answer each kind of match from its
 * index (seen with the alternatives switched off, since a test database is too small to need an index).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexUsageIT {

    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    private TestDatabase database;

    @BeforeAll
    void migrate() {
        database = TestDatabase.postgres(getClass());
        Persistence.start(database.settings()).close();
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
        assertThat(plan(SearchField.EMAIL, "%example.com%", "SET enable_indexscan = off"))
                .contains("Bitmap Index Scan on user_table_search_email_trgm_idx");
    }

    @Test
    void prefixMatchesUseThePatternIndexes() {
        String name = plan(SearchField.NAME, "ann l%", "SET enable_bitmapscan = off");
        assertThat(name).contains("Index Scan using user_table_search_name_prefix_idx");
        String email = plan(SearchField.EMAIL, "ann.lee@%", "SET enable_bitmapscan = off");
        assertThat(email).contains("Index Scan using user_table_search_email_prefix_idx");
    }

    @Test
    void pgTrgmIsInstalled() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")) {
            assertThat(result.next()).isTrue();
        }
    }

    private String plan(SearchField field, String pattern, String... settings) {
        Field<String> matched = JooqUserSearchRepository.matched(USER_TABLE.as("u"), field);
        String sql = RENDER.renderInlined(DSL.select(USER_TABLE.as("u").USER_ID)
                .from(USER_TABLE.as("u"))
                .where(matched.like(lower(inline(pattern)), JooqUserSearchRepository.ESCAPE)));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_indexonlyscan = off");
            for (String setting : settings) {
                statement.execute(setting);
            }
            StringJoiner plan = new StringJoiner("\n");
            try (ResultSet result = statement.executeQuery("EXPLAIN " + sql)) {
                while (result.next()) {
                    plan.add(result.getString(1));
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
