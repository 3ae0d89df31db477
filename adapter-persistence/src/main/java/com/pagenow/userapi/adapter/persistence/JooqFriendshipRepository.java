package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.records.FriendshipTableRecord;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;

/**
 * {@link FriendshipRepository} on {@code friendship_table}. Rows keep the direction they were asked in
 * ({@code user_id1} asked {@code user_id2}); the unique index of V3 on the unordered pair makes a second row for
 * the same two users impossible. The reads over accepted friendships are {@link JooqFriendGraph}'s.
 */
final class JooqFriendshipRepository implements FriendshipRepository {

    private static final FriendshipTable F = FRIENDSHIP_TABLE;

    private final JooqContext db;
    /** The reads behind the busiest endpoints, rendered once (see {@link RenderedRead}). */
    private final RenderedRead findBetween;

    private final RenderedRead.Bind<String> pairA;
    private final RenderedRead.Bind<String> pairB;
    private final RenderedRead pendingRequestsTo;
    private final RenderedRead.Bind<String> addressee;

    JooqFriendshipRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
        SQLDialect dialect = db.dialect();
        RenderedRead.Binds pair = db.binds();
        this.pairA = pair.string("a");
        this.pairB = pair.string("b");
        this.findBetween = pair.render(dialect, findBetween(pairA.param(), pairB.param()));
        RenderedRead.Binds requests = db.binds();
        this.addressee = requests.string("addressee");
        this.pendingRequestsTo = requests.render(dialect, pendingRequestsTo(addressee.param()));
    }

    @Override
    public Optional<Friendship> findBetween(UserId a, UserId b) {
        // The primary, not the replica: writes are decided on this answer.
        return findBetween.fetchInto(db.dsl(), F, pairA.to(a.value()), pairB.to(b.value())).stream()
                .findFirst()
                .map(JooqFriendshipRepository::toFriendship);
    }

    private static ResultQuery<FriendshipTableRecord> findBetween(Field<String> a, Field<String> b) {
        return selectFrom(F)
                .where(F.USER_ID1.eq(a).and(F.USER_ID2.eq(b)))
                .or(F.USER_ID1.eq(b).and(F.USER_ID2.eq(a)));
    }

    @Override
    public void insert(Friendship friendship) {
        // DO NOTHING covers the primary key and the pair index alike.
        int inserted = Inserts.ignoringDuplicates(db.dsl()
                .insertInto(F)
                .set(F.USER_ID1, friendship.requester().value())
                .set(F.USER_ID2, friendship.addressee().value())
                .set(F.REQUESTED_AT, friendship.requestedAt())
                .set(F.ACCEPTED_AT, friendship.acceptedAt())
                .onConflictDoNothing());
        if (inserted == 0) {
            throw Friendship.alreadyRelated();
        }
    }

    @Override
    public void markAccepted(Friendship accepted) {
        int updated = db.dsl()
                .update(F)
                .set(F.ACCEPTED_AT, accepted.acceptedAt())
                .where(F.USER_ID1.eq(accepted.requester().value()))
                .and(F.USER_ID2.eq(accepted.addressee().value()))
                .and(F.ACCEPTED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw Friendship.noPendingRequest();
        }
    }

    @Override
    public void delete(Friendship friendship) {
        int deleted = db.dsl()
                .deleteFrom(F)
                .where(F.USER_ID1.eq(friendship.requester().value()))
                .and(F.USER_ID2.eq(friendship.addressee().value()))
                .execute();
        if (deleted == 0) {
            throw Friendship.notFound();
        }
    }

    @Override
    public List<FriendRequest> pendingRequestsTo(UserId addressee) {
        return pendingRequestsTo
                .fetch(db.readDsl(), this.addressee.to(addressee.value()))
                .map(row -> UserSummaryMapper.request(row, USER_TABLE, row.get(F.REQUESTED_AT)));
    }

    private static ResultQuery<?> pendingRequestsTo(Field<String> addressee) {
        return select(UserSummaryMapper.fields(USER_TABLE, F.REQUESTED_AT))
                .from(F)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(F.USER_ID1))
                .where(F.USER_ID2.eq(addressee))
                .and(F.ACCEPTED_AT.isNull())
                .orderBy(F.REQUESTED_AT.desc(), F.USER_ID1);
    }

    @Override
    public Set<UserId> acceptedFriendIds(UserId user) {
        return db.readDsl().fetch(FriendIdsSql.friendIdsOf(user)).stream()
                .map(row -> UserId.of(row.value1()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Friendship toFriendship(FriendshipTableRecord row) {
        return Friendship.reconstitute(
                UserId.of(row.getUserId1()), UserId.of(row.getUserId2()), row.getRequestedAt(), row.getAcceptedAt());
    }
}
