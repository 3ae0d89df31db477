package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import org.jooq.Field;

import static org.jooq.impl.DSL.inline;

/**
 * How a statement reports the viewer's relationship to a row: one integer code for every statement of this
 * adapter, ordered so that {@code max} keeps the strongest and {@code (code + 1) / 2} is the old state.
 */
final class RelationCode {

    static final int NONE = 0;
    static final int INCOMING = 1;
    static final int OUTGOING = 2;
    static final int FRIENDS = 3;

    private RelationCode() {
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
