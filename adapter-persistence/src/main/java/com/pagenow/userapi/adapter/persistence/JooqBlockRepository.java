package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserBlockTable;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.readmodel.BlockedUser;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.SQLDialect;
import org.jooq.SelectForUpdateStep;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_BLOCK_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.select;

/** {@link BlockRepository} on V7's {@code user_block_table}. */
final class JooqBlockRepository implements BlockRepository {

    private static final UserBlockTable B = USER_BLOCK_TABLE;
    private final JooqContext db;
    /** The check behind every {@code /users/id/{id}} and friend request, rendered once (see {@link RenderedRead}). */
    private final RenderedRead between;

    private final RenderedRead.Bind<String> viewer;
    private final RenderedRead.Bind<String> other;

    JooqBlockRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
        RenderedRead.Binds pair = db.binds();
        this.viewer = pair.string("viewer");
        this.other = pair.string("other");
        this.between = pair.render(
                db.dialect(),
                select(
                        BlockSql.blocks(viewer.param(), other.param()).as("blocking"),
                        BlockSql.blocks(other.param(), viewer.param()).as("blocked_by")));
    }

    @Override
    public boolean insert(Block block) {
        return Inserts.ignoringDuplicates(db.dsl()
                        .insertInto(B)
                        .set(B.BLOCKER_ID, block.blocker().value())
                        .set(B.BLOCKED_ID, block.blocked().value())
                        .set(B.BLOCKED_AT, block.blockedAt())
                        .onConflictDoNothing())
                > 0;
    }

    @Override
    public boolean delete(UserId blocker, UserId blocked) {
        return db.dsl()
                        .deleteFrom(B)
                        .where(B.BLOCKER_ID.eq(blocker.value()))
                        .and(B.BLOCKED_ID.eq(blocked.value()))
                        .execute()
                > 0;
    }

    @Override
    public BlockStatus between(UserId viewer, UserId other) {
        // Two primary-key lookups in one statement, on the primary: writes are decided on this answer.
        return between.fetchRows(
                        db.dsl(),
                        row -> BlockSql.blockStatus(row, 0),
                        this.viewer.to(viewer.value()),
                        this.other.to(other.value()))
                .get(0);
    }

    @Override
    public Set<UserId> blockersOf(UserId viewer, Collection<UserId> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        return db.readDsl()
                .select(B.BLOCKER_ID)
                .from(B)
                .where(B.BLOCKED_ID.eq(viewer.value()))
                .and(B.BLOCKER_ID.in(among.stream().map(UserId::value).toList()))
                .fetchSet(row -> UserId.of(row.value1()));
    }

    @Override
    public List<BlockedUser> blockedBy(UserId blocker, PageRequest page) {
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE, B.BLOCKED_AT))
                .from(B)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(B.BLOCKED_ID))
                .where(B.BLOCKER_ID.eq(blocker.value()))
                .orderBy(B.BLOCKED_AT.desc(), B.BLOCKED_ID.desc())
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> new BlockedUser(
                        UserSummaryMapper.summary(row, USER_TABLE, FriendshipStatus.NONE, null),
                        row.get(B.BLOCKED_AT)));
    }

    @Override
    public void lockPair(UserId a, UserId b) {
        // The two user rows, in id order so that two transactions locking the same pair cannot deadlock. On
        // PostgreSQL NO KEY UPDATE, which does not stop other transactions from inserting rows that reference them.
        SelectForUpdateStep<?> rows = db.dsl()
                .select(USER_TABLE.USER_ID)
                .from(USER_TABLE)
                .where(USER_TABLE.USER_ID.in(a.value(), b.value()))
                .orderBy(USER_TABLE.USER_ID);
        (db.dialect().family() == SQLDialect.POSTGRES ? rows.forNoKeyUpdate() : rows.forUpdate()).fetch();
    }
}
