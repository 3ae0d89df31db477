package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

/**
 * {@link UserSearchRepository} in one statement per call.
 * <p>
 * Everyone who ranks above a stranger (the viewer's relationships and the friends of the viewer's friends, a few
 * hundred users) is collected first from the friendship indexes, with the status and mutual count, and only they
 * are looked up by id. Strangers all have state 0 and no mutual friend, so they follow in match-score tiers, each
 * ordered by user id: a tier is read only when the rows ranked above it cannot fill the page, and each reads at
 * most one page of rows. That keeps a common three-letter prefix cheap on a million users: the prefix tier stops
 * after the first page, and the contains tier never runs.
 * <p>
 * The search patterns are inlined, not bound: the best plan depends on them (a btree range for a rare prefix, a
 * walk down the user ids for a common one, the trigram index for an infix), and a generic plan made for an
 * unknown pattern is badly wrong for one of those. The matched expressions are exactly those of V4's indexes.
 */
final class JooqUserSearchRepository implements UserSearchRepository {

    static final char ESCAPE = '\\';

    /** Relationship codes, ordered so that {@code max} keeps the strongest and {@code (code + 1) / 2} is the state. */
    private static final int NONE = 0;
    private static final int INCOMING = 1;
    private static final int OUTGOING = 2;
    private static final int FRIENDS = 3;

    private static final int PREFIX = 3;
    private static final int SUFFIX = 2;
    private static final int INFIX = 1;

    private final JooqContext db;

    JooqUserSearchRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public List<UserSummary> search(UserId viewer, SearchField field, SearchText text, PageRequest page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Patterns patterns = Patterns.of(text);
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) page.offset() + page.limit());
        Field<String> me = val(viewer.value());

        CommonTableExpression<Record2<String, Integer>> relation = relation(me);
        CommonTableExpression<Record3<String, Integer, Integer>> edge = edge(relation, me);
        CommonTableExpression<Record3<String, Integer, BigDecimal>> known = name("known")
                .fields("user_id", "code", "mutual")
                .as(select(edge.field("user_id", String.class), max(edge.field("code", Integer.class)),
                        sum(edge.field("shared", Integer.class)))
                        .from(edge)
                        .groupBy(edge.field("user_id", String.class)));
        Field<String> knownId = known.field("user_id", String.class);

        UserTable k = USER_TABLE.as("known_user");
        Field<String> knownText = matched(k, field);
        CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> knownHit = name("known_hit")
                .fields("user_id", "code", "mutual", "score")
                .as(select(knownId, known.field("code", Integer.class), known.field("mutual", BigDecimal.class),
                        when(knownText.like(patterns.prefix(), ESCAPE), inline(PREFIX))
                                .when(knownText.like(patterns.suffix(), ESCAPE), inline(SUFFIX))
                                .otherwise(inline(INFIX)))
                        .from(known)
                        .join(k).on(k.USER_ID.eq(knownId))
                        .where(knownText.like(patterns.infix(), ESCAPE))
                        .and(knownId.ne(me)));

        UserTable p = USER_TABLE.as("prefix_user");
        CommonTableExpression<Record1<String>> prefixHit = strangers("prefix_hit", p, known, me, wanted,
                rowsIn(knownHit).lt(inline(wanted)),
                matched(p, field).like(patterns.prefix(), ESCAPE));
        UserTable s = USER_TABLE.as("suffix_user");
        CommonTableExpression<Record1<String>> suffixHit = strangers("suffix_hit", s, known, me, wanted,
                rowsIn(knownHit).plus(rowsIn(prefixHit)).lt(inline(wanted)),
                matched(s, field).like(patterns.suffix(), ESCAPE)
                        .and(matched(s, field).notLike(patterns.prefix(), ESCAPE)));
        UserTable i = USER_TABLE.as("infix_user");
        CommonTableExpression<Record1<String>> infixHit = strangers("infix_hit", i, known, me, wanted,
                rowsIn(knownHit).plus(rowsIn(prefixHit)).plus(rowsIn(suffixHit)).lt(inline(wanted)),
                matched(i, field).like(patterns.infix(), ESCAPE)
                        .and(matched(i, field).notLike(patterns.prefix(), ESCAPE))
                        .and(matched(i, field).notLike(patterns.suffix(), ESCAPE)));

        CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> hit = name("hit")
                .fields("user_id", "code", "mutual", "score")
                .as(select(knownHit.field("user_id", String.class), knownHit.field("code", Integer.class),
                        knownHit.field("mutual", BigDecimal.class), knownHit.field("score", Integer.class))
                        .from(knownHit)
                        .unionAll(stranger(prefixHit, PREFIX))
                        .unionAll(stranger(suffixHit, SUFFIX))
                        .unionAll(stranger(infixHit, INFIX)));

        return page(List.of(relation, edge, known, knownHit, prefixHit, suffixHit, infixHit, hit), hit, page);
    }

    @Override
    public List<UserSummary> searchFriends(UserId viewer, SearchField field, SearchText text, boolean exact,
                                           PageRequest page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Patterns patterns = Patterns.of(text);
        Field<String> me = val(viewer.value());

        CommonTableExpression<Record2<String, Integer>> relation = relation(me);
        CommonTableExpression<Record3<String, Integer, Integer>> edge = edge(relation, me);
        Field<String> edgeId = edge.field("user_id", String.class);
        CommonTableExpression<Record3<String, Integer, BigDecimal>> known = name("known")
                .fields("user_id", "code", "mutual")
                .as(select(edgeId, max(edge.field("code", Integer.class)), sum(edge.field("shared", Integer.class)))
                        .from(edge)
                        .groupBy(edgeId));
        Field<String> knownId = known.field("user_id", String.class);
        Field<Integer> knownCode = known.field("code", Integer.class);

        UserTable f = USER_TABLE.as("friend_user");
        Field<String> friendText = matched(f, field);
        Condition matches = exact
                ? friendText.eq(lower(inline(text.value())))
                : friendText.like(patterns.infix(), ESCAPE);
        CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> hit = name("hit")
                .fields("user_id", "code", "mutual", "score")
                .as(select(knownId, knownCode, known.field("mutual", BigDecimal.class),
                        when(friendText.like(patterns.prefix(), ESCAPE), inline(PREFIX))
                                .when(friendText.like(patterns.suffix(), ESCAPE), inline(SUFFIX))
                                .otherwise(inline(INFIX)))
                        .from(known)
                        .join(f).on(f.USER_ID.eq(knownId))
                        .where(knownCode.eq(inline(FRIENDS)))
                        .and(matches));

        return page(List.of(relation, edge, known, hit), hit, page);
    }

    /** The viewer's relationships: one row per other user, with {@link #INCOMING}, {@link #OUTGOING} or {@link #FRIENDS}. */
    private static CommonTableExpression<Record2<String, Integer>> relation(Field<String> me) {
        FriendshipTable asked = FRIENDSHIP_TABLE.as("asked");
        FriendshipTable askedBy = FRIENDSHIP_TABLE.as("asked_by");
        return name("relation").fields("user_id", "code")
                .as(select(asked.USER_ID2, when(asked.ACCEPTED_AT.isNull(), inline(OUTGOING)).otherwise(inline(FRIENDS)))
                        .from(asked)
                        .where(asked.USER_ID1.eq(me))
                        .unionAll(select(askedBy.USER_ID1,
                                when(askedBy.ACCEPTED_AT.isNull(), inline(INCOMING)).otherwise(inline(FRIENDS)))
                                .from(askedBy)
                                .where(askedBy.USER_ID2.eq(me))));
    }

    /**
     * One row per relationship of the viewer (shared 0) and one per accepted friendship between a friend of the
     * viewer and someone else (code none, shared 1): summed per user, the second kind is the mutual friend count.
     * Only the viewer's friends are looked up, so the cost follows their number, not the number of matches.
     */
    private static CommonTableExpression<Record3<String, Integer, Integer>> edge(
            CommonTableExpression<Record2<String, Integer>> relation, Field<String> me) {
        Field<String> friend = relation.field("user_id", String.class);
        Field<Integer> code = relation.field("code", Integer.class);
        FriendshipTable out = FRIENDSHIP_TABLE.as("friend_asked");
        FriendshipTable in = FRIENDSHIP_TABLE.as("friend_asked_by");
        return name("edge").fields("user_id", "code", "shared")
                .as(select(friend, code, inline(0))
                        .from(relation)
                        .unionAll(select(out.USER_ID2, inline(NONE), inline(1))
                                .from(relation)
                                .join(out).on(out.USER_ID1.eq(friend))
                                .where(code.eq(inline(FRIENDS)))
                                .and(out.ACCEPTED_AT.isNotNull())
                                .and(out.USER_ID2.ne(me)))
                        .unionAll(select(in.USER_ID1, inline(NONE), inline(1))
                                .from(relation)
                                .join(in).on(in.USER_ID2.eq(friend))
                                .where(code.eq(inline(FRIENDS)))
                                .and(in.ACCEPTED_AT.isNotNull())
                                .and(in.USER_ID1.ne(me))));
    }

    /** Up to {@code wanted} users outside {@code known} matching {@code match}, highest id first; read only if {@code needed}. */
    private static CommonTableExpression<Record1<String>> strangers(
            String cteName, UserTable user, CommonTableExpression<Record3<String, Integer, BigDecimal>> known,
            Field<String> me, int wanted, Condition needed, Condition match) {
        return name(cteName).fields("user_id")
                .as(select(user.USER_ID)
                        .from(user)
                        .where(needed)
                        .and(match)
                        .and(user.USER_ID.ne(me))
                        .and(notExists(selectOne().from(known)
                                .where(known.field("user_id", String.class).eq(user.USER_ID))))
                        .orderBy(user.USER_ID.desc())
                        .limit(inline(wanted)));
    }

    private static Select<Record4<String, Integer, BigDecimal, Integer>> stranger(
            CommonTableExpression<Record1<String>> tier, int score) {
        return select(tier.field("user_id", String.class), inline(NONE), inline(BigDecimal.ZERO), inline(score))
                .from(tier);
    }

    private static Field<Integer> rowsIn(Table<?> cte) {
        return field(select(count()).from(cte));
    }

    /** The ranked page, joined to the users for their summaries. */
    private List<UserSummary> page(List<CommonTableExpression<?>> ctes,
                                   CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> hit,
                                   PageRequest page) {
        Field<String> hitId = hit.field("user_id", String.class);
        Field<Integer> hitCode = hit.field("code", Integer.class);
        Field<BigDecimal> hitMutual = hit.field("mutual", BigDecimal.class);
        Field<Integer> hitScore = hit.field("score", Integer.class);
        CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> ranked = name("ranked")
                .fields("user_id", "code", "mutual", "score")
                .as(select(hitId, hitCode, hitMutual, hitScore)
                        .from(hit)
                        .orderBy(ranking(hitCode, hitMutual, hitScore, hitId))
                        .limit(inline(page.limit()))
                        .offset(inline(page.offset())));

        Field<String> id = ranked.field("user_id", String.class);
        Field<Integer> code = ranked.field("code", Integer.class);
        Field<BigDecimal> mutual = ranked.field("mutual", BigDecimal.class);
        Field<Integer> score = ranked.field("score", Integer.class);
        UserTable u = USER_TABLE.as("found_user");
        List<CommonTableExpression<?>> all = new ArrayList<>(ctes);
        all.add(ranked);
        return db.readDsl()
                .with(all)
                .select(u.USER_ID, u.FIRST_NAME, u.LAST_NAME, u.DESCRIPTION, u.PROFILE_IMAGE_UPLOADED_AT,
                        u.PROFILE_IMAGE_EXTENSION, code, mutual)
                .from(ranked)
                .join(u).on(u.USER_ID.eq(id))
                .orderBy(ranking(code, mutual, score, id))
                .fetch(row -> summary(row, u, code, mutual));
    }

    private static List<SortField<?>> ranking(Field<Integer> code, Field<BigDecimal> mutual, Field<Integer> score,
                                              Field<String> id) {
        return List.of(code.plus(inline(1)).div(inline(2)).desc(), mutual.desc(), score.desc(), id.desc());
    }

    private static UserSummary summary(Record row, UserTable u, Field<Integer> code, Field<BigDecimal> mutual) {
        return new UserSummary(UserId.of(row.get(u.USER_ID)),
                JooqUserRepository.storedName(row.get(u.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(u.LAST_NAME)),
                new ProfileText(row.get(u.DESCRIPTION)),
                new ProfileImage(row.get(u.PROFILE_IMAGE_UPLOADED_AT), row.get(u.PROFILE_IMAGE_EXTENSION)),
                status(row.get(code)),
                row.get(mutual).longValue());
    }

    private static FriendshipStatus status(int code) {
        return switch (code) {
            case FRIENDS -> FriendshipStatus.FRIENDS;
            case OUTGOING -> FriendshipStatus.OUTGOING;
            case INCOMING -> FriendshipStatus.INCOMING;
            default -> FriendshipStatus.NONE;
        };
    }

    /** The searched expression, written exactly as V4's indexes are. */
    static Field<String> matched(UserTable user, SearchField field) {
        return switch (field) {
            case NAME -> lower(user.FIRST_NAME.concat(inline(" "), user.LAST_NAME));
            case EMAIL -> lower(user.EMAIL);
        };
    }

    /** LIKE patterns in which every character of the text means itself; lower-cased by the database. */
    private record Patterns(Field<String> prefix, Field<String> suffix, Field<String> infix) {

        static Patterns of(SearchText text) {
            String literal = escape(text.value());
            return new Patterns(lower(inline(literal + "%")), lower(inline("%" + literal)),
                    lower(inline("%" + literal + "%")));
        }

        static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 8);
            for (int at = 0; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == ESCAPE || c == '%' || c == '_') {
                    escaped.append(ESCAPE);
                }
                escaped.append(c);
            }
            return escaped.toString();
        }
    }
}
