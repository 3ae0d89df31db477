package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserBlockTable;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Row2;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import static com.pagenow.userapi.adapter.persistence.FriendIdsSql.acceptedEdges;
import static com.pagenow.userapi.adapter.persistence.FriendIdsSql.firstFriendIdsOf;
import static com.pagenow.userapi.adapter.persistence.FriendIdsSql.friendIdsOf;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_BLOCK_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

/**
 * {@link FriendGraph} on the accepted rows of {@code friendship_table}: the unique index of V3 on the unordered pair
 * makes a second row for the same two users impossible, which is why the friend lists below can use
 * {@code UNION ALL}.
 */
final class JooqFriendGraph implements FriendGraph {

    private static final FriendshipTable F = FRIENDSHIP_TABLE;
    private static final String FRIEND_ID = FriendIdsSql.FRIEND_ID;
    private static final String OWNER_ID = FriendIdsSql.OWNER_ID;

    /** How many of the viewer's friends a suggestion query reads at most. */
    static final int DEFAULT_FRIENDS_SAMPLED = 200;
    /** How many friends of each of those a suggestion query reads at most. */
    static final int DEFAULT_FRIENDS_OF_EACH_SAMPLED = 100;

    private static final String SUGGESTION_MUTUAL = "mutual";

    private final JooqContext db;
    /** The reads behind the busiest endpoints, rendered once (see {@link RenderedRead}). */
    private final RenderedRead friendsOf;

    private final RenderedRead.Bind<String> listUser;
    private final RenderedRead.Bind<String> listViewer;
    private final RenderedRead.Bind<Integer> listLimit;
    private final RenderedRead.Bind<Integer> listOffset;
    private final RenderedRead countMutualFriends;
    private final RenderedRead.Bind<String> mutualA;
    private final RenderedRead.Bind<String> mutualB;
    private final RenderedRead suggestions;
    private final RenderedRead.Bind<String> suggestionsViewer;
    private final RenderedRead.Bind<Integer> suggestionsLimit;
    private final RenderedRead.Bind<Integer> suggestionsOffset;
    /** {@link #relationships}' statement by the number of ids asked, up to the most a request may ask. */
    private final AtomicReferenceArray<RelationshipsRead> relationshipsByCount =
            new AtomicReferenceArray<>(IdCount.MAX + 1);

    JooqFriendGraph(JooqContext db) {
        this(db, DEFAULT_FRIENDS_SAMPLED, DEFAULT_FRIENDS_OF_EACH_SAMPLED);
    }

    JooqFriendGraph(JooqContext db, int friendsSampled, int friendsOfEachSampled) {
        this.db = Objects.requireNonNull(db);
        SQLDialect dialect = db.dialect();
        RenderedRead.Binds list = db.binds();
        this.listUser = list.string("user");
        this.listViewer = list.string("viewer");
        this.listLimit = list.integer("limit");
        this.listOffset = list.integer("offset");
        this.friendsOf = list.render(
                dialect, friendsOf(listUser.param(), listViewer.param(), listLimit.param(), listOffset.param()));
        RenderedRead.Binds two = db.binds();
        this.mutualA = two.string("a");
        this.mutualB = two.string("b");
        this.countMutualFriends = two.render(dialect, countMutualFriends(mutualA.param(), mutualB.param()));
        RenderedRead.Binds viewer = db.binds();
        this.suggestionsViewer = viewer.string("viewer");
        this.suggestionsLimit = viewer.integer("limit");
        this.suggestionsOffset = viewer.integer("offset");
        this.suggestions = viewer.render(
                dialect,
                suggestions(
                        dialect,
                        suggestionsViewer.param(),
                        suggestionsLimit.param(),
                        suggestionsOffset.param(),
                        friendsSampled,
                        friendsOfEachSampled));
    }

    @Override
    public List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page) {
        return friendsOf
                .fetch(
                        db.readDsl(),
                        listUser.to(user.value()),
                        listViewer.to(viewer.value()),
                        listLimit.to(page.limit()),
                        listOffset.to(page.offset()))
                .map(row -> summary(row, RelationCode.status(row.get(RelationCode.COLUMN, Integer.class))));
    }

    private static ResultQuery<?> friendsOf(
            Field<String> user, Field<String> viewer, Param<Integer> limit, Param<Integer> offset) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        Field<String> friendId = friends.field(FRIEND_ID, String.class);
        // The viewer's relationship to each friend, in either stored direction: two primary-key lookups.
        FriendshipTable asked = F.as("viewer_asked");
        FriendshipTable wasAsked = F.as("viewer_was_asked");
        return select(UserSummaryMapper.fields(USER_TABLE, RelationCode.between(asked, wasAsked)))
                .from(friends)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(friendId))
                .leftJoin(asked)
                .on(asked.USER_ID1.eq(viewer))
                .and(asked.USER_ID2.eq(friendId))
                .leftJoin(wasAsked)
                .on(wasAsked.USER_ID1.eq(friendId))
                .and(wasAsked.USER_ID2.eq(viewer))
                .where(friendId.notIn(BlockSql.separatedFrom(viewer)))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(limit)
                .offset(offset);
    }

    @Override
    public long countFriends(UserId user, UserId viewer) {
        // The same friends as friendsOf lists to this viewer (see FriendGraph#countFriends).
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        return db.readDsl()
                .selectCount()
                .from(friends)
                .where(friends.field(FRIEND_ID, String.class).notIn(BlockSql.separatedFrom(val(viewer.value()))))
                .fetchOne(0, long.class);
    }

    @Override
    public List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page) {
        Table<Record1<String>> viewers = friendIdsOf(viewer).asTable("viewer_friends");
        Table<Record1<String>> others = friendIdsOf(other).asTable("other_friends");
        Field<String> shared = viewers.field(FRIEND_ID, String.class);
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE))
                .from(viewers)
                .join(others)
                .on(others.field(FRIEND_ID, String.class).eq(shared))
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(shared))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> summary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public long countMutualFriends(UserId a, UserId b) {
        return countMutualFriends
                .fetch(db.readDsl(), mutualA.to(a.value()), mutualB.to(b.value()))
                .get(0)
                .get(0, long.class);
    }

    private static ResultQuery<?> countMutualFriends(Field<String> a, Field<String> b) {
        Table<Record1<String>> friendsOfA = friendIdsOf(a).asTable("a_friends");
        Table<Record1<String>> friendsOfB = friendIdsOf(b).asTable("b_friends");
        return selectCount()
                .from(friendsOfA)
                .join(friendsOfB)
                .on(friendsOfB.field(FRIEND_ID, String.class).eq(friendsOfA.field(FRIEND_ID, String.class)));
    }

    @Override
    public List<UserSummary> allFriends(UserId user) {
        Table<Record1<String>> friends = friendIdsOf(user).asTable("friends");
        return db.readDsl()
                .select(UserSummaryMapper.fields(USER_TABLE))
                .from(friends)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(friends.field(FRIEND_ID, String.class)))
                .orderBy(USER_TABLE.FIRST_NAME, USER_TABLE.LAST_NAME, USER_TABLE.USER_ID)
                .fetch(row -> summary(row, FriendshipStatus.FRIENDS));
    }

    @Override
    public List<Relationship> relationships(UserId viewer, List<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RelationshipsRead read = relationshipsRead(ids.size());
        return read.statement.fetchRows(
                db.readDsl(),
                row -> new Relationship(
                        UserId.of((String) row[0]),
                        RelationCode.status((Integer) row[1]),
                        (Long) row[2],
                        (Instant) row[3],
                        (Instant) row[4],
                        Boolean.TRUE.equals(row[5])),
                read.values(viewer, ids));
    }

    /** The relationships read for {@code count} asked ids: rendered the first time that count is asked, then kept. */
    private RelationshipsRead relationshipsRead(int count) {
        boolean kept = count < relationshipsByCount.length();
        RelationshipsRead read = kept ? relationshipsByCount.get(count) : null;
        if (read == null) {
            read = new RelationshipsRead(db, count);
            if (kept) {
                relationshipsByCount.set(count, read); // two threads racing here render the same statement
            }
        }
        return read;
    }

    /** The relationships statement for one number of asked ids, with its placeholders. */
    private static final class RelationshipsRead {

        private final RenderedRead statement;
        private final RenderedRead.Bind<String> viewer;
        private final List<RenderedRead.Bind<String>> asked;

        RelationshipsRead(JooqContext db, int count) {
            RenderedRead.Binds binds = db.binds();
            this.viewer = binds.string("viewer");
            this.asked = IntStream.range(0, count)
                    .mapToObj(at -> binds.string("id" + at))
                    .toList();
            this.statement = binds.render(
                    db.dialect(),
                    relationships(
                            viewer.param(),
                            asked.stream().map(RenderedRead.Bind::param).toList()));
        }

        RenderedRead.Value[] values(UserId viewerId, List<UserId> ids) {
            RenderedRead.Value[] values = new RenderedRead.Value[ids.size() + 1];
            values[0] = viewer.to(viewerId.value());
            for (int at = 0; at < ids.size(); at++) {
                values[at + 1] = asked.get(at).to(ids.get(at).value());
            }
            return values;
        }
    }

    /**
     * Each asked user who exists and does not block {@code me}, in the order asked: the relation code, the mutual
     * count, the relationship's times and whether {@code me} blocks them.
     */
    private static ResultQuery<?> relationships(Field<String> me, List<Param<String>> ids) {
        Row2<String, Integer>[] asked = new Row2[ids.size()];
        for (int at = 0; at < ids.size(); at++) {
            asked[at] = row(ids.get(at), inline(at));
        }
        Table<Record2<String, Integer>> wanted = values(asked).as("wanted", "user_id", "position");
        Field<String> other = USER_TABLE.USER_ID;
        FriendshipTable byViewer = F.as("asked_by_viewer");
        FriendshipTable ofViewer = F.as("viewer_was_asked");
        // Every mutual count in one pass: the accepted friendships of the wanted users joined to the viewer's friends
        // (read once), grouped by wanted user; a user without any shared friend has no group, so counts 0.
        Table<Record1<String>> mine = friendIdsOf(me).asTable("viewer_friends");
        Table<Record2<String, String>> theirs = acceptedEdges().asTable("their_friends");
        Field<String> owner = theirs.field(OWNER_ID, String.class);
        Table<Record2<String, Integer>> shared = select(owner.as("user_id"), count().as("mutual"))
                .from(theirs)
                .join(mine)
                .on(mine.field(FRIEND_ID, String.class).eq(theirs.field(FRIEND_ID, String.class)))
                .where(owner.in(ids))
                .groupBy(owner)
                .asTable("shared");
        // A user who blocks the viewer is skipped, as an unknown id is (BlockStatus#maySeeProfile).
        UserBlockTable blockedBy = USER_BLOCK_TABLE.as("blocks_viewer");
        UserBlockTable blocking = USER_BLOCK_TABLE.as("viewer_blocks");
        return select(
                        other,
                        RelationCode.between(byViewer, ofViewer),
                        coalesce(shared.field("mutual", Long.class), inline(0L)).as("mutual"),
                        coalesce(byViewer.REQUESTED_AT, ofViewer.REQUESTED_AT).as("requested_at"),
                        coalesce(byViewer.ACCEPTED_AT, ofViewer.ACCEPTED_AT).as("accepted_at"),
                        blocking.BLOCKER_ID.isNotNull().as("blocking"))
                .from(wanted)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(wanted.field("user_id", String.class)))
                .leftJoin(byViewer)
                .on(byViewer.USER_ID1.eq(me))
                .and(byViewer.USER_ID2.eq(other))
                .leftJoin(ofViewer)
                .on(ofViewer.USER_ID1.eq(other))
                .and(ofViewer.USER_ID2.eq(me))
                .leftJoin(blocking)
                .on(blocking.BLOCKER_ID.eq(me))
                .and(blocking.BLOCKED_ID.eq(other))
                .leftJoin(shared)
                .on(shared.field("user_id", String.class).eq(other))
                .whereNotExists(selectOne()
                        .from(blockedBy)
                        .where(blockedBy.BLOCKER_ID.eq(other))
                        .and(blockedBy.BLOCKED_ID.eq(me)))
                .orderBy(wanted.field("position", Integer.class));
    }

    @Override
    public List<UserSummary> suggestions(UserId viewer, PageRequest page) {
        return suggestions
                .fetch(
                        db.readDsl(),
                        suggestionsViewer.to(viewer.value()),
                        suggestionsLimit.to(page.limit()),
                        suggestionsOffset.to(page.offset()))
                .map(row -> UserSummaryMapper.summary(
                        row,
                        USER_TABLE,
                        FriendshipStatus.NONE,
                        row.get(SUGGESTION_MUTUAL, Integer.class).longValue()));
    }

    private static ResultQuery<?> suggestions(
            SQLDialect dialect,
            Field<String> me,
            Param<Integer> limit,
            Param<Integer> offset,
            int friendsSampled,
            int friendsOfEachSampled) {
        // At most friendsSampled of the viewer's friends, and at most friendsOfEachSampled of each one's friends:
        // the statement reads at most their product of index entries, whoever asks.
        Table<Record1<String>> mine = firstFriendIdsOf(me, friendsSampled, "my").asTable("my_friends");
        Field<String> friend = mine.field(FRIEND_ID, String.class);
        Table<?> friendsOfFriends;
        Field<String> candidate;
        if (dialect.family() == SQLDialect.POSTGRES) {
            Table<Record1<String>> theirs = lateral(
                    firstFriendIdsOf(friend, friendsOfEachSampled, "their").asTable("their_friends"));
            friendsOfFriends = mine.crossJoin(theirs);
            candidate = theirs.field(FRIEND_ID, String.class);
        } else {
            // H2 (dev mode) has no LATERAL: every friend of each sampled friend, which its few rows allow.
            Table<Record2<String, String>> edges = acceptedEdges().asTable("their_friends");
            friendsOfFriends =
                    mine.join(edges).on(edges.field(OWNER_ID, String.class).eq(friend));
            candidate = edges.field(FRIEND_ID, String.class);
        }
        FriendshipTable asked = F.as("viewer_asked");
        FriendshipTable askedBy = F.as("viewer_asked_by");
        // Everyone the viewer already has a relationship with (friends, pending either way), or a block with.
        Select<Record1<String>> excluded = select(asked.USER_ID2)
                .from(asked)
                .where(asked.USER_ID1.eq(me))
                .unionAll(select(askedBy.USER_ID1).from(askedBy).where(askedBy.USER_ID2.eq(me)))
                .unionAll(BlockSql.separatedFrom(me));
        Table<Record2<String, Integer>> ranked = select(candidate.as("user_id"), count().as(SUGGESTION_MUTUAL))
                .from(friendsOfFriends)
                .where(candidate.ne(me))
                .and(candidate.notIn(excluded))
                .groupBy(candidate)
                .orderBy(count().desc(), candidate.desc())
                .limit(limit)
                .offset(offset)
                .asTable("ranked");
        Field<String> rankedId = ranked.field("user_id", String.class);
        Field<Integer> rankedMutual = ranked.field(SUGGESTION_MUTUAL, Integer.class);
        return select(UserSummaryMapper.fields(USER_TABLE, rankedMutual))
                .from(ranked)
                .join(USER_TABLE)
                .on(USER_TABLE.USER_ID.eq(rankedId))
                .orderBy(rankedMutual.desc(), rankedId.desc());
    }

    private static UserSummary summary(Record row, FriendshipStatus status) {
        return UserSummaryMapper.summary(row, USER_TABLE, status, null);
    }
}
