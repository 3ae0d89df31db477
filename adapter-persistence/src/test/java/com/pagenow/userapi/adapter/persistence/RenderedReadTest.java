package com.pagenow.userapi.adapter.persistence;

import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedReadTest {

    @Test
    void placeholderUsedTwiceIsBoundAtEachOfItsPositionsInRenderOrder() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        Param<String> a = binds.string("a");
        Param<String> b = binds.string("b");
        RenderedRead read = binds.render(SQLDialect.POSTGRES, DSL.selectFrom(FRIENDSHIP_TABLE)
                .where(FRIENDSHIP_TABLE.USER_ID1.eq(a).and(FRIENDSHIP_TABLE.USER_ID2.eq(b)))
                .or(FRIENDSHIP_TABLE.USER_ID1.eq(b).and(FRIENDSHIP_TABLE.USER_ID2.eq(a))));

        assertThat(read.bindNames()).containsExactly("a", "b", "b", "a");
        assertThat(read.sql()).doesNotContain("rendered-read").contains("?");
    }

    @Test
    void numbersAreBoundNotInlined() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        RenderedRead read = binds.render(SQLDialect.POSTGRES, DSL.selectFrom(FRIENDSHIP_TABLE)
                .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user")))
                .limit(binds.integer("limit")).offset(binds.integer("offset")));

        assertThat(read.bindNames()).containsExactlyInAnyOrder("user", "limit", "offset");
        assertThat(read.sql()).doesNotContain("1900000000");
    }

    @Test
    void recordsOfATableOnlyFromAQueryOfExactlyItsColumns() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        RenderedRead read = binds.render(SQLDialect.POSTGRES,
                DSL.select(FRIENDSHIP_TABLE.USER_ID2, FRIENDSHIP_TABLE.USER_ID1, FRIENDSHIP_TABLE.REQUESTED_AT,
                                FRIENDSHIP_TABLE.ACCEPTED_AT).from(FRIENDSHIP_TABLE)
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user"))));

        assertThatThrownBy(() -> read.fetchInto(DSL.using(SQLDialect.POSTGRES), java.util.Map.of("user", "u"),
                FRIENDSHIP_TABLE)).isInstanceOf(IllegalStateException.class).hasMessageContaining("friendship_table");
    }

    @Test
    void aValueThatIsNoPlaceholderIsRefused() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        assertThatThrownBy(() -> binds.render(SQLDialect.POSTGRES, DSL.selectFrom(FRIENDSHIP_TABLE)
                .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user")))
                .and(FRIENDSHIP_TABLE.USER_ID2.eq("someone"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a placeholder");
    }

    @Test
    void aPlaceholderNamedTwiceIsRefused() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        binds.string("user");
        assertThatThrownBy(() -> binds.string("user")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchRefusesAMissingValueBeforeTouchingTheDatabase() {
        RenderedRead.Binds binds = new RenderedRead.Binds();
        RenderedRead read = binds.render(SQLDialect.POSTGRES, DSL.selectFrom(FRIENDSHIP_TABLE)
                .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user"))));

        assertThatThrownBy(() -> read.fetch(DSL.using(SQLDialect.POSTGRES), Map.of("other", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
    }
}
