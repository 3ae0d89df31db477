package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.records.FriendshipTableRecord;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.when;

/**
 * {@link FriendshipRepository} on {@code friendship_table}. Rows keep the direction they were asked in
 * ({@code user_id1} asked {@code user_id2}); the unique index of V3 on the unordered pair makes a second row for
 * the same two users impossible, which is why the friend lists below can use {@code UNION ALL}.
 */
final class JooqFriendshipRepository implements FriendshipRepository {

    private static final FriendshipTable F = FRIENDSHIP_TABLE;
    private static final String FRIEND_ID = "friend_id";

    private final JooqContext db;

    JooqFriendshipRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public Optional<Friendship> findBetween(UserId a, UserId b) {
        // The primary, not the replica: writes are decided on this answer.
        return db.dsl().selectFrom(F)
                .where(F.USER_ID1.eq(a.value()).and(F.USER_ID2.eq(b.value())))
                .or(F.USER_ID1.eq(b.value()).and(F.USER_ID2.eq(a.value())))
                .fetchOptional()
                .map(JooqFriendshipRepository::toFriendship);
    }

    @Override
    public void insert(Friendship friendship) {
        int inserted;
        try {
            // DO NOTHING covers the primary key and the pair index alike, and on PostgreSQL a failed statement
            // would abort the surrounding transaction.
            inserted = db.dsl().insertInto(F)
                    .set(F.USER_ID1, friendship.requester().value())
                    .set(F.USER_ID2, friendship.addressee().value())
                    .set(F.REQUESTED_AT, friendship.requestedAt())
                    .set(F.ACCEPTED_AT, friendship.acceptedAt())
                    .onConflictDoNothing()
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates DO NOTHING on the primary key only; its pair index still raises.
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            inserted = 0;
        }
        if (inserted == 0) {
            throw Friendship.alreadyRelated();
        }
    }

    @Override
    public void markAccepted(Friendship accepted) {
        int updated = db.dsl().update(F)
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
        int deleted = db.dsl().deleteFrom(F)
                .where(F.USER_ID1.eq(friendship.requester().value()))
                .and(F.USER_ID2.eq(friendship.addressee().value()))
                .execute();
        if (deleted == 0) {
            throw Friendship.notFound();
        }
    }

    @Override
    public List<FriendRequest> pendingRequestsTo(UserId addressee) {
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE, F.REQUESTED_AT))
                .from(F)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(F.USER_ID1))
                .where(F.USER_ID2.eq(addressee.value()))
                .and(F.ACCEPTED_AT.isNull())
                .orderBy(F.REQUESTED_AT.desc(), F.USER_ID1)
                .fetch(row -> UserSummaryMapper.request(row, USER_TABLE, row.get(F.REQUESTED_AT)));
    }

    @Override
    public List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        Field<String> friendId = friends.field(FRIEND_ID, String.class);
        // The viewer's relationship to each friend, in either stored direction: two primary-key lookups.
        FriendshipTable asked = F.as("viewer_asked");
        FriendshipTable wasAsked = F.as("viewer_was_asked");
        Field<Integer> code = relationCode(asked, wasAsked);
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE, code))
                .from(friends)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(friendId))
                .leftJoin(asked).on(asked.USER_ID1.eq(viewer.value())).and(asked.USER_ID2.eq(friendId))
                .leftJoin(wasAsked).on(wasAsked.USER_ID1.eq(friendId)).and(wasAsked.USER_ID2.eq(viewer.value()))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> summary(row, RelationCode.status(row.get(code))));
    }

    @Override
    public long countFriends(UserId user) {
        return db.readDsl().selectCount().from(friendIdsOf(user).asTable("friends")).fetchOne(0, long.class);
    }

    @Override
    public List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page) {
        Table<Record1<String>> viewers = friendIdsOf(viewer).asTable("viewer_friends");
        Table<Record1<String>> others = friendIdsOf(other).asTable("other_friends");
        Field<String> shared = viewers.field(FRIEND_ID, String.class);
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE))
                .from(viewers)
                .join(others).on(others.field(FRIEND_ID, String.class).eq(shared))
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(shared))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> summary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public long countMutualFriends(UserId a, UserId b) {
        Table<Record1<String>> friendsOfA = friendIdsOf(a).asTable("a_friends");
        Table<Record1<String>> friendsOfB = friendIdsOf(b).asTable("b_friends");
        return db.readDsl().selectCount()
                .from(friendsOfA)
                .join(friendsOfB).on(friendsOfB.field(FRIEND_ID, String.class)
                        .eq(friendsOfA.field(FRIEND_ID, String.class)))
                .fetchOne(0, long.class);
    }

    @Override
    public List<UserSummary> allFriends(UserId user) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE))
                .from(friends)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(friends.field(FRIEND_ID, String.class)))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .fetch(row -> summary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public Set<UserId> acceptedFriendIds(UserId user) {
        return db.readDsl().fetch(friendIdsOf(user)).stream()
                .map(row -> UserId.of(row.value1()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The viewer's relationship to the other user of each row, from the two directions it can be stored in. */
    private static Field<Integer> relationCode(FriendshipTable askedByViewer, FriendshipTable viewerWasAsked) {
        return when(askedByViewer.ACCEPTED_AT.isNotNull().or(viewerWasAsked.ACCEPTED_AT.isNotNull()),
                        RelationCode.sql(RelationCode.FRIENDS))
                .when(askedByViewer.USER_ID1.isNotNull(), RelationCode.sql(RelationCode.OUTGOING))
                .when(viewerWasAsked.USER_ID1.isNotNull(), RelationCode.sql(RelationCode.INCOMING))
                .else_(RelationCode.sql(RelationCode.NONE))
                .as("relation_code");
    }

    /**
     * The ids of {@code user}'s accepted friends, from the rows they asked and the rows they were asked: each half
     * an index-only scan of a partial index of V3.
     */
    private static Select<Record1<String>> friendIdsOf(UserId user) {
        return select(F.USER_ID2.as(FRIEND_ID)).from(F)
                .where(F.USER_ID1.eq(user.value())).and(F.ACCEPTED_AT.isNotNull())
                .unionAll(select(F.USER_ID1.as(FRIEND_ID)).from(F)
                        .where(F.USER_ID2.eq(user.value())).and(F.ACCEPTED_AT.isNotNull()));
    }

    private static UserSummary summary(Record row, FriendshipStatus status) {
        return UserSummaryMapper.summary(row, USER_TABLE, status, null);
    }

    private static Friendship toFriendship(FriendshipTableRecord row) {
        return Friendship.reconstitute(UserId.of(row.getUserId1()), UserId.of(row.getUserId2()),
                row.getRequestedAt(), row.getAcceptedAt());
    }
}
