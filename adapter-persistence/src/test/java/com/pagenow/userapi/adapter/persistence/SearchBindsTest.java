package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.readmodel.SearchField;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

class SearchBindsTest {

    private static final SearchBinds BINDS =
            new SearchBinds("me", "ann%", "%ann", "%ann%", "ann", "ann", "ann~", 20, 5, 15);

    @Test
    void everySearchStatementUsesEachBindOnce() {
        for (SQLDialect dialect : List.of(SQLDialect.POSTGRES, SQLDialect.H2)) {
            DSLContext render = DSL.using(dialect);
            for (SearchField field : SearchField.values()) {
                SearchStatements statements = new SearchStatements(field, dialect == SQLDialect.POSTGRES, true, 10);
                for (Query query :
                        List.of(statements.search(), statements.searchFriends(true), statements.searchFriends(false))) {
                    JooqUserSearchRepository.Statement statement = JooqUserSearchRepository.Statement.of(render, query);
                    assertThat(statement.names()).containsExactlyInAnyOrderElementsOf(SearchBinds.NAMES);
                    assertThat(statement.text().chars().filter(c -> c == '?').count())
                            .isEqualTo(SearchBinds.NAMES.size());
                }
            }
        }
    }

    @Test
    void valuesFollowTheStatementsOrderNotTheRecords() {
        Query reordered = select(
                param("take", 0),
                param("viewer", ""),
                param("skip", 0),
                param("prefix", ""),
                param("wanted", 0),
                param("suffix", ""),
                param("infix", ""),
                param("exact", ""),
                param("low", ""),
                param("high", ""));

        JooqUserSearchRepository.Statement statement =
                JooqUserSearchRepository.Statement.of(DSL.using(SQLDialect.POSTGRES), reordered);

        assertThat(statement.values(BINDS))
                .containsExactly(15, "me", 5, "ann%", 20, "%ann", "%ann%", "ann", "ann", "ann~");
    }

    @Test
    void aStatementThatMissesABindIsRefusedWhenMade() {
        Query missing = select(param("viewer", ""), param("prefix", ""));

        assertThatThrownBy(() -> JooqUserSearchRepository.Statement.of(DSL.using(SQLDialect.POSTGRES), missing))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNamesAreTheRecordsComponents() {
        assertThat(BINDS.byName().keySet()).containsExactlyElementsOf(SearchBinds.NAMES);
    }
}
