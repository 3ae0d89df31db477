package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.UserBlockTable;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_BLOCK_TABLE;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;

/** The one SQL shape of "a block stands between the viewer and this user", for every statement that hides them. */
final class BlockSql {

    private BlockSql() {}

    /**
     * The ids of the users a block separates from {@code viewer}, either way: one range of the primary key and one
     * of V7's index on the blocked id. Used as {@code id NOT IN (...)}, which PostgreSQL hashes once.
     */
    static Select<Record1<String>> separatedFrom(Field<String> viewer) {
        UserBlockTable blocking = USER_BLOCK_TABLE.as("viewer_blocks");
        UserBlockTable blockedBy = USER_BLOCK_TABLE.as("blocks_viewer");
        return select(blocking.BLOCKED_ID)
                .from(blocking)
                .where(blocking.BLOCKER_ID.eq(viewer))
                .unionAll(select(blockedBy.BLOCKER_ID).from(blockedBy).where(blockedBy.BLOCKED_ID.eq(viewer)));
    }

    /** Whether {@code blocker} blocks {@code blocked}, as a boolean column: one primary-key lookup. */
    static Field<Boolean> blocks(Field<String> blocker, Field<String> blocked) {
        UserBlockTable b = USER_BLOCK_TABLE;
        return when(
                        exists(selectOne()
                                .from(b)
                                .where(b.BLOCKER_ID.eq(blocker))
                                .and(b.BLOCKED_ID.eq(blocked))),
                        inline(true))
                .otherwise(inline(false));
    }

    /** The {@code blocking} and {@code blocked_by} columns of two {@link #blocks}, from {@code at} on. */
    static BlockStatus blockStatus(Object[] row, int at) {
        return new BlockStatus(Boolean.TRUE.equals(row[at]), Boolean.TRUE.equals(row[at + 1]));
    }
}
