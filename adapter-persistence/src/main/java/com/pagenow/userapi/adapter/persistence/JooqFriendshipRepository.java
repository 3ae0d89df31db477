package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.records.FriendshipTableRecord;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    static final String ALREADY_RELATED = "A friendship or friend request between these users already exists";
    static final String NO_PENDING_REQUEST = "No pending friend request from this user";
    static final String NO_FRIENDSHIP = "Friendship not found";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final FriendshipTable F = FRIENDSHIP_TABLE;
    private static final String FRIEND_ID = "friend_id";
    private static final String FRIENDSHIP_STATUS = "friendship_status";

    private final JooqContext db;
    /** The reads behind the busiest endpoints, rendered once (see {@link RenderedRead}). */
    private final RenderedRead findBetween;
    private final RenderedRead pendingRequestsTo;
    private final RenderedRead friendsOf;
    private final RenderedRead countMutualFriends;

    JooqFriendshipRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
        SQLDialect dialect = db.dialect();
        RenderedRead.Binds pair = new RenderedRead.Binds();
        this.findBetween = pair.render(dialect, findBetween(pair.string("a"), pair.string("b")));
        RenderedRead.Binds addressee = new RenderedRead.Binds();
        this.pendingRequestsTo = addressee.render(dialect, pendingRequestsTo(addressee.string("addressee")));
        RenderedRead.Binds list = new RenderedRead.Binds();
        this.friendsOf = list.render(dialect, friendsOf(list.string("user"), list.string("viewer"),
                list.integer("limit"), list.integer("offset")));
        RenderedRead.Binds two = new RenderedRead.Binds();
        this.countMutualFriends = two.render(dialect, countMutualFriends(two.string("a"), two.string("b")));
    }

    @Override
    public Optional<Friendship> findBetween(UserId a, UserId b) {
        // The primary, not the replica: writes are decided on this answer.
        return findBetween.fetch(db.dsl(), Map.of("a", a.value(), "b", b.value())).stream()
                .findFirst()
                .map(row -> toFriendship(row.into(F)));
    }

    private static ResultQuery<FriendshipTableRecord> findBetween(Field<String> a, Field<String> b) {
        return DSL.selectFrom(F)
                .where(F.USER_ID1.eq(a).and(F.USER_ID2.eq(b)))
                .or(F.USER_ID1.eq(b).and(F.USER_ID2.eq(a)));
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
            if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            inserted = 0;
        }
        if (inserted == 0) {
            throw new ConflictException(ALREADY_RELATED);
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
            throw new NotFoundException(NO_PENDING_REQUEST);
        }
    }

    @Override
    public void delete(Friendship friendship) {
        int deleted = db.dsl().deleteFrom(F)
                .where(F.USER_ID1.eq(friendship.requester().value()))
                .and(F.USER_ID2.eq(friendship.addressee().value()))
                .execute();
        if (deleted == 0) {
            throw new NotFoundException(NO_FRIENDSHIP);
        }
    }

    @Override
    public List<FriendRequest> pendingRequestsTo(UserId addressee) {
        return pendingRequestsTo.fetch(db.readDsl(), Map.of("addressee", addressee.value()))
                .map(row -> new FriendRequest(UserId.of(row.get(USER_TABLE.USER_ID)),
                        JooqUserRepository.storedName(row.get(USER_TABLE.FIRST_NAME)),
                        JooqUserRepository.storedName(row.get(USER_TABLE.LAST_NAME)),
                        new ProfileText(row.get(USER_TABLE.DESCRIPTION)),
                        new ProfileImage(row.get(USER_TABLE.PROFILE_IMAGE_UPLOADED_AT),
                                row.get(USER_TABLE.PROFILE_IMAGE_EXTENSION)),
                        row.get(F.REQUESTED_AT)));
    }

    private static ResultQuery<?> pendingRequestsTo(Field<String> addressee) {
        return DSL.select(USER_TABLE.USER_ID, USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.DESCRIPTION,
                        USER_TABLE.PROFILE_IMAGE_UPLOADED_AT, USER_TABLE.PROFILE_IMAGE_EXTENSION, F.REQUESTED_AT)
                .from(F)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(F.USER_ID1))
                .where(F.USER_ID2.eq(addressee))
                .and(F.ACCEPTED_AT.isNull())
                .orderBy(F.REQUESTED_AT.desc(), F.USER_ID1);
    }

    @Override
    public List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page) {
        return friendsOf.fetch(db.readDsl(), Map.of("user", user.value(), "viewer", viewer.value(),
                        "limit", page.limit(), "offset", page.offset()))
                .map(row -> toSummary(row, statusOf(row.get(FRIENDSHIP_STATUS, String.class))));
    }

    private static ResultQuery<?> friendsOf(Field<String> user, Field<String> viewer, Param<Integer> limit,
                                            Param<Integer> offset) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        Field<String> friendId = friends.field(FRIEND_ID, String.class);
        // The viewer's relationship to each friend, in either stored direction: two primary-key lookups.
        FriendshipTable asked = F.as("viewer_asked");
        FriendshipTable wasAsked = F.as("viewer_was_asked");
        Field<String> status = when(asked.ACCEPTED_AT.isNotNull().or(wasAsked.ACCEPTED_AT.isNotNull()),
                        inline(FriendshipStatus.FRIENDS.code()))
                .when(asked.USER_ID1.isNotNull(), inline(FriendshipStatus.OUTGOING.code()))
                .when(wasAsked.USER_ID1.isNotNull(), inline(FriendshipStatus.INCOMING.code()))
                .else_(inline(FriendshipStatus.NONE.code()))
                .as(FRIENDSHIP_STATUS);
        return DSL.select(summaryFields(status))
                .from(friends)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(friendId))
                .leftJoin(asked).on(asked.USER_ID1.eq(viewer)).and(asked.USER_ID2.eq(friendId))
                .leftJoin(wasAsked).on(wasAsked.USER_ID1.eq(friendId)).and(wasAsked.USER_ID2.eq(viewer))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(limit)
                .offset(offset);
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
                .select(summaryFields())
                .from(viewers)
                .join(others).on(others.field(FRIEND_ID, String.class).eq(shared))
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(shared))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> toSummary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public long countMutualFriends(UserId a, UserId b) {
        return countMutualFriends.fetch(db.readDsl(), Map.of("a", a.value(), "b", b.value()))
                .get(0).get(0, long.class);
    }

    private static ResultQuery<?> countMutualFriends(Field<String> a, Field<String> b) {
        Table<Record1<String>> friendsOfA = friendIdsOf(a).asTable("a_friends");
        Table<Record1<String>> friendsOfB = friendIdsOf(b).asTable("b_friends");
        return DSL.selectCount()
                .from(friendsOfA)
                .join(friendsOfB).on(friendsOfB.field(FRIEND_ID, String.class)
                        .eq(friendsOfA.field(FRIEND_ID, String.class)));
    }

    @Override
    public List<UserSummary> allFriends(UserId user) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        return db.readDsl()
                .select(summaryFields())
                .from(friends)
                .join(USER_TABLE).on(USER_TABLE.USER_ID.eq(friends.field(FRIEND_ID, String.class)))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .fetch(row -> toSummary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public Set<UserId> acceptedFriendIds(UserId user) {
        return db.readDsl().fetch(friendIdsOf(user)).stream()
                .map(row -> UserId.of(row.value1()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The ids of {@code user}'s accepted friends, from the rows they asked and the rows they were asked: each half
     * an index-only scan of a partial index of V3.
     */
    private static Select<Record1<String>> friendIdsOf(UserId user) {
        return friendIdsOf(DSL.val(user.value()));
    }

    private static Select<Record1<String>> friendIdsOf(Field<String> user) {
        return select(F.USER_ID2.as(FRIEND_ID)).from(F)
                .where(F.USER_ID1.eq(user)).and(F.ACCEPTED_AT.isNotNull())
                .unionAll(select(F.USER_ID1.as(FRIEND_ID)).from(F)
                        .where(F.USER_ID2.eq(user)).and(F.ACCEPTED_AT.isNotNull()));
    }

    private static SelectField<?>[] summaryFields(SelectField<?>... extra) {
        SelectField<?>[] user = {USER_TABLE.USER_ID, USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME,
                USER_TABLE.DESCRIPTION, USER_TABLE.PROFILE_IMAGE_UPLOADED_AT, USER_TABLE.PROFILE_IMAGE_EXTENSION};
        SelectField<?>[] all = Arrays.copyOf(user, user.length + extra.length);
        System.arraycopy(extra, 0, all, user.length, extra.length);
        return all;
    }

    private static UserSummary toSummary(Record row, FriendshipStatus status) {
        return new UserSummary(UserId.of(row.get(USER_TABLE.USER_ID)),
                JooqUserRepository.storedName(row.get(USER_TABLE.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(USER_TABLE.LAST_NAME)),
                new ProfileText(row.get(USER_TABLE.DESCRIPTION)),
                new ProfileImage(row.get(USER_TABLE.PROFILE_IMAGE_UPLOADED_AT),
                        row.get(USER_TABLE.PROFILE_IMAGE_EXTENSION)),
                status, null);
    }

    private static FriendshipStatus statusOf(String code) {
        for (FriendshipStatus status : FriendshipStatus.values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalStateException("Unknown friendship status from the query: " + code);
    }

    private static Friendship toFriendship(FriendshipTableRecord row) {
        return Friendship.reconstitute(UserId.of(row.getUserId1()), UserId.of(row.getUserId2()),
                row.getRequestedAt(), row.getAcceptedAt());
    }
}
