package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/** The SQL shapes of "the accepted friends of a user", for every statement that reads the friendship graph. */
final class FriendIdsSql {

    /** The column of a friend's id in {@link #friendIdsOf} and {@link #acceptedEdges}. */
    static final String FRIEND_ID = "friend_id";
    /** The column of the user whose friend it is in {@link #acceptedEdges}. */
    static final String OWNER_ID = "owner_id";

    private static final FriendshipTable F = FRIENDSHIP_TABLE;

    private FriendIdsSql() {}

    /**
     * Every accepted friendship once in each direction, {@code (owner_id, friend_id)}: joined on either column, each
     * half reads a partial index of V3.
     */
    static Select<Record2<String, String>> acceptedEdges() {
        return select(F.USER_ID1.as(OWNER_ID), F.USER_ID2.as(FRIEND_ID))
                .from(F)
                .where(F.ACCEPTED_AT.isNotNull())
                .unionAll(select(F.USER_ID2, F.USER_ID1).from(F).where(F.ACCEPTED_AT.isNotNull()));
    }

    static Select<Record1<String>> friendIdsOf(UserId user) {
        return friendIdsOf(val(user.value()));
    }

    /** At most {@code max} of {@link #friendIdsOf}: the two index ranges stop reading once that many are found. */
    static Select<Record1<String>> firstFriendIdsOf(Field<String> user, int max, String alias) {
        Table<Record1<String>> all = friendIdsOf(user).asTable(alias + "_friend_ids");
        return select(all.field(FRIEND_ID, String.class)).from(all).limit(inline(max));
    }

    /**
     * The ids of {@code user}'s accepted friends, from the rows they asked and the rows they were asked: each half
     * an index-only scan of a partial index of V3.
     */
    static Select<Record1<String>> friendIdsOf(Field<String> user) {
        return select(F.USER_ID2.as(FRIEND_ID))
                .from(F)
                .where(F.USER_ID1.eq(user))
                .and(F.ACCEPTED_AT.isNotNull())
                .unionAll(select(F.USER_ID1.as(FRIEND_ID))
                        .from(F)
                        .where(F.USER_ID2.eq(user))
                        .and(F.ACCEPTED_AT.isNotNull()));
    }
}
