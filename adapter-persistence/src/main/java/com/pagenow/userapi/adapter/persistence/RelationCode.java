package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import org.jooq.Field;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

/**
 * How a statement reports the viewer's relationship to a row: one integer code for every statement of this
 * adapter, ordered so that {@code max} keeps the strongest and {@code (code + 1) / 2} is the old state. The CASE
 * that computes it is built here and only here: {@code Friendship.statusFor} in SQL, held equal to it by
 * {@code RelationCodeIT}.
 */
final class RelationCode {

    static final int NONE = 0;
    static final int INCOMING = 1;
    static final int OUTGOING = 2;
    static final int FRIENDS = 3;

    /** The column name of {@link #between}. */
    static final String COLUMN = "relation_code";

    private RelationCode() {}

    /** The viewer's relationship to the other user of each row, from the two directions it can be stored in. */
    static Field<Integer> between(FriendshipTable askedByViewer, FriendshipTable viewerWasAsked) {
        return when(askedByViewer.ACCEPTED_AT.isNotNull().or(viewerWasAsked.ACCEPTED_AT.isNotNull()), sql(FRIENDS))
                .when(askedByViewer.USER_ID1.isNotNull(), sql(OUTGOING))
                .when(viewerWasAsked.USER_ID1.isNotNull(), sql(INCOMING))
                .else_(sql(NONE))
                .as(COLUMN);
    }

    /** The code of a row the viewer asked (its {@code user_id1} is the viewer): outgoing until accepted. */
    static Field<Integer> askedByViewer(FriendshipTable row) {
        return when(row.ACCEPTED_AT.isNull(), sql(OUTGOING)).otherwise(sql(FRIENDS));
    }

    /** The code of a row the viewer was asked (its {@code user_id2} is the viewer): incoming until accepted. */
    static Field<Integer> viewerWasAsked(FriendshipTable row) {
        return when(row.ACCEPTED_AT.isNull(), sql(INCOMING)).otherwise(sql(FRIENDS));
    }

    /** The code as an SQL literal. */
    static Field<Integer> sql(int code) {
        return inline(code);
    }

    static FriendshipStatus status(int code) {
        return switch (code) {
            case FRIENDS -> FriendshipStatus.FRIENDS;
            case OUTGOING -> FriendshipStatus.OUTGOING;
            case INCOMING -> FriendshipStatus.INCOMING;
            case NONE -> FriendshipStatus.NONE;
            default -> throw new IllegalStateException("Unknown relationship code from a query: " + code);
        };
    }
}
