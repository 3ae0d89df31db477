package com.pagenow.userapi.adapter.persistence.jdbc;

import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedReadTest {

    @Test
    void placeholderUsedTwiceIsBoundAtEachOfItsPositionsInRenderOrder() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        Param<String> a = binds.string("a").param();
        Param<String> b = binds.string("b").param();
        RenderedRead read = binds.render(
                SQLDialect.POSTGRES,
                DSL.selectFrom(FRIENDSHIP_TABLE)
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(a).and(FRIENDSHIP_TABLE.USER_ID2.eq(b)))
                        .or(FRIENDSHIP_TABLE.USER_ID1.eq(b).and(FRIENDSHIP_TABLE.USER_ID2.eq(a))));

        assertThat(read.bindNames()).containsExactly("a", "b", "b", "a");
        assertThat(read.sql()).doesNotContain("rendered-read").contains("?");
    }

    @Test
    void numbersAreBoundNotInlined() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        RenderedRead read = binds.render(
                SQLDialect.POSTGRES,
                DSL.selectFrom(FRIENDSHIP_TABLE)
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user").param()))
                        .limit(binds.integer("limit").param())
                        .offset(binds.integer("offset").param()));

        assertThat(read.bindNames()).containsExactlyInAnyOrder("user", "limit", "offset");
        assertThat(read.sql()).doesNotContain("1900000000");
    }

    @Test
    void recordsOfATableOnlyFromAQueryOfExactlyItsColumns() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        RenderedRead.Bind<String> user = binds.string("user");
        RenderedRead read = binds.render(
                SQLDialect.POSTGRES,
                DSL.select(
                                FRIENDSHIP_TABLE.USER_ID2,
                                FRIENDSHIP_TABLE.USER_ID1,
                                FRIENDSHIP_TABLE.REQUESTED_AT,
                                FRIENDSHIP_TABLE.ACCEPTED_AT)
                        .from(FRIENDSHIP_TABLE)
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(user.param())));

        assertThatThrownBy(() -> read.fetchInto(DSL.using(SQLDialect.POSTGRES), FRIENDSHIP_TABLE, user.to("u")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("friendship_table");
    }

    @Test
    void aValueThatIsNoPlaceholderIsRefused() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        assertThatThrownBy(() -> binds.render(
                        SQLDialect.POSTGRES,
                        DSL.selectFrom(FRIENDSHIP_TABLE)
                                .where(FRIENDSHIP_TABLE.USER_ID1.eq(
                                        binds.string("user").param()))
                                .and(FRIENDSHIP_TABLE.USER_ID2.eq("someone"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a placeholder");
    }

    @Test
    void aPlaceholderNamedTwiceIsRefused() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        binds.string("user");
        assertThatThrownBy(() -> binds.string("user")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchRefusesAMissingValueBeforeTouchingTheDatabase() {
        RenderedRead.Binds binds = new RenderedRead.Binds(UnaryOperator.identity());
        RenderedRead read = binds.render(
                SQLDialect.POSTGRES,
                DSL.selectFrom(FRIENDSHIP_TABLE)
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(binds.string("user").param())));
        RenderedRead.Bind<String> elsewhere = new RenderedRead.Binds(UnaryOperator.identity()).string("user");

        assertThatThrownBy(() -> read.fetch(DSL.using(SQLDialect.POSTGRES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> read.fetch(DSL.using(SQLDialect.POSTGRES), elsewhere.to("x")))
                .as("a placeholder of the same name in another statement is not this one")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
    }

    @Test
    void aFailedStatementLeavesAsWhatTheGivenTranslationMakesOfIt() {
        IllegalStateException translated = new IllegalStateException("translated");
        RenderedRead.Binds binds = new RenderedRead.Binds(failure -> translated);
        RenderedRead.Bind<String> user = binds.string("user");
        RenderedRead read = binds.render(
                SQLDialect.POSTGRES,
                DSL.selectFrom(FRIENDSHIP_TABLE).where(FRIENDSHIP_TABLE.USER_ID1.eq(user.param())));

        assertThatThrownBy(() -> read.fetch(DSL.using(SQLDialect.POSTGRES), user.to("u")))
                .isSameAs(translated);
    }
}
