package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendSearchText;
import com.pagenow.userapi.adapter.persistence.jooq.tables.FriendshipTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.application.readmodel.SearchField;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static com.pagenow.userapi.adapter.persistence.RelationCode.FRIENDS;
import static com.pagenow.userapi.adapter.persistence.RelationCode.NONE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIEND_SEARCH_TEXT;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.with;

/**
 * The statements behind {@link JooqUserSearchRepository}, built once per searched field. Every value arrives once, in
 * the {@code params} CTE, named like its {@link SearchBinds} component, so PostgreSQL reuses one plan for every text.
 * The viewer's network is read first with its texts; strangers follow in match-score tiers (prefix, suffix,
 * infix), each read only when the rows above cannot fill the page, and a stranger's private e-mail matches only
 * whole (API.md, "User search"). Why each part is shaped so, with its measurements: docs/benchmarks.md, "Search",
 * and the comments of the V6 and V11 migrations.
 */
final class SearchStatements {

    /** The user row of each result; {@link #CODE} and {@link #MUTUAL} follow its columns. */
    static final UserTable FOUND = USER_TABLE.as("found_user");

    private static final Field<String> USER_ID = field(name("user_id"), String.class);
    static final Field<Integer> CODE = field(name("code"), Integer.class);
    static final Field<BigDecimal> MUTUAL = field(name("mutual"), BigDecimal.class);
    private static final Field<Integer> SCORE = field(name("score"), Integer.class);
    private static final Field<?>[] HIT_FIELDS = {USER_ID, CODE, MUTUAL, SCORE};

    private final SearchField field;
    private final boolean patternOperators;
    private final boolean trigrams;
    private final int walk;

    private final CommonTableExpression<?> params;
    private final Field<String> viewer;
    private final Field<String> prefix;
    private final Field<String> suffix;
    private final Field<String> infix;
    private final Field<Integer> wanted;
    private final CommonTableExpression<Record2<String, Integer>> relation;
    private final CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> knownHit;

    /**
     * @param patternOperators whether the database has PostgreSQL's {@code ~>=~} / {@code ~<~} operators, which let
     *                         a prefix be read from the pattern-ops index without knowing it at planning time
     * @param trigrams         whether the texts bound will hold a trigram ({@link #hasTrigram}); without one the
     *                         trigram index would return every row, and the suffix and infix tiers walk the ids
     * @param walk             how many of the newest users a stranger tier walks before reading an index instead
     */
    SearchStatements(SearchField field, boolean patternOperators, boolean trigrams, int walk) {
        this.field = field;
        this.patternOperators = patternOperators;
        this.trigrams = trigrams;
        this.walk = walk;
        this.params = name("params")
                .as(select(
                        text("viewer").as("viewer"),
                        lower(text("prefix")).as("prefix"),
                        lower(text("suffix")).as("suffix"),
                        lower(text("infix")).as("infix"),
                        lower(text("exact")).as("exact"),
                        lower(text("low")).as("low"),
                        lower(text("high")).as("high"),
                        number("wanted").as("wanted"),
                        number("skip").as("skip"),
                        number("take").as("take")));
        this.viewer = value("viewer", String.class);
        this.prefix = value("prefix", String.class);
        this.suffix = value("suffix", String.class);
        this.infix = value("infix", String.class);
        this.wanted = value("wanted", Integer.class);
        this.relation = relation();
        this.knownHit = knownHits("known_hit", text -> text.like(infix));
    }

    /** The requested page of everyone matching, ranked, as {@link #FOUND} rows with code and mutual count. */
    Select<Record> search() {
        List<CommonTableExpression<?>> ctes = new ArrayList<>(List.of(params, relation, knownHit));
        Field<Integer> above = rowsIn(knownHit);
        List<Select<Record4<String, Integer, BigDecimal, Integer>>> strangers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Condition needed = above.lt(wanted);
            CommonTableExpression<Record1<String>> walked = walked(tier, needed);
            CommonTableExpression<Record1<String>> candidates = candidates(tier);
            CommonTableExpression<Record1<String>> hit = hit(tier, needed, walked, candidates);
            ctes.addAll(List.of(walked, candidates, hit));
            strangers.add(select(
                            hit.field("user_id", String.class),
                            inline(NONE),
                            inline(BigDecimal.ZERO),
                            inline(tier.score))
                    .from(hit));
            above = above.plus(rowsIn(hit));
        }

        Select<Record4<String, Integer, BigDecimal, Integer>> all = hitsIn(knownHit);
        for (Select<Record4<String, Integer, BigDecimal, Integer>> tier : strangers) {
            all = all.unionAll(tier);
        }
        return page(ctes, all);
    }

    /** The same for the viewer's accepted friends only; {@code exact} compares the whole field. */
    Select<Record> searchFriends(boolean exact) {
        CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> friendHit = knownHits(
                "friend_hit", exact ? text -> text.eq(value("exact", String.class)) : text -> text.like(infix));
        return page(
                List.of(params, relation, friendHit),
                hitsIn(friendHit).where(friendHit.field(CODE).eq(inline(FRIENDS))));
    }

    /** The viewer's relationships: one row per other user, with a {@link RelationCode}. */
    private CommonTableExpression<Record2<String, Integer>> relation() {
        FriendshipTable asked = FRIENDSHIP_TABLE.as("asked");
        FriendshipTable askedBy = FRIENDSHIP_TABLE.as("asked_by");
        return name("relation")
                .fields("user_id", "code")
                .as(select(asked.USER_ID2, RelationCode.askedByViewer(asked))
                        .from(asked)
                        .where(asked.USER_ID1.eq(viewer))
                        .unionAll(select(askedBy.USER_ID1, RelationCode.viewerWasAsked(askedBy))
                                .from(askedBy)
                                .where(askedBy.USER_ID2.eq(viewer))));
    }

    /**
     * One row per matching user the viewer has a relationship with or shares an accepted friend with: the strongest
     * relationship code, the number of shared friends and the match score. The viewer's relationships are looked
     * up in user_table (a few dozen); the friends of the viewer's friends come with their texts from V6's
     * {@code friend_search_text}, one index range per friend, and only the matching ones are counted. So the cost
     * follows the size of the viewer's network, with no lookup per user in it.
     */
    private CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> knownHits(
            String cteName, Function<Field<String>, Condition> matches) {
        Field<String> related = relation.field("user_id", String.class);
        Field<Integer> code = relation.field("code", Integer.class);
        UserTable r = USER_TABLE.as("related_user");
        Field<String> relatedText = matched(r.FIRST_NAME, r.LAST_NAME, r.EMAIL);
        FriendSearchText f = FRIEND_SEARCH_TEXT.as("friend_of_friend");
        Field<String> friendText = switch (field) {
            case NAME -> f.NAME_TEXT; // V6 stores each exactly as matched() writes it
            case EMAIL -> f.EMAIL_TEXT;
        };
        // A relationship counts as shared 0; each accepted friendship of a friend with someone else as shared 1.
        Table<Record4<String, Integer, Integer, Integer>> edge = select(related, code, inline(0), score(relatedText))
                .from(relation)
                .join(r)
                .on(r.USER_ID.eq(related))
                .where(matches.apply(relatedText))
                .and(shown(related, relatedText))
                .and(related.notIn(BlockSql.separatedFrom(viewer)))
                .unionAll(select(f.FRIEND_ID, inline(NONE), inline(1), score(friendText))
                        .from(relation)
                        .join(f)
                        .on(f.OWNER_ID.eq(related))
                        .where(code.eq(inline(FRIENDS)))
                        .and(matches.apply(friendText))
                        .and(shown(f.FRIEND_ID, friendText))
                        .and(f.FRIEND_ID.ne(viewer))
                        .and(f.FRIEND_ID.notIn(BlockSql.separatedFrom(viewer))))
                .asTable("edge", "user_id", "code", "shared", "score");
        Field<String> edgeId = edge.field("user_id", String.class);
        return name(cteName)
                .fields("user_id", "code", "mutual", "score")
                .as(select(
                                edgeId,
                                max(edge.field("code", Integer.class)),
                                sum(edge.field("shared", Integer.class)),
                                max(edge.field("score", Integer.class)))
                        .from(edge)
                        .groupBy(edgeId));
    }

    private static SelectJoinStep<Record4<String, Integer, BigDecimal, Integer>> hitsIn(
            CommonTableExpression<Record4<String, Integer, BigDecimal, Integer>> hits) {
        return select(hits.field(USER_ID), hits.field(CODE), hits.field(MUTUAL), hits.field(SCORE))
                .from(hits);
    }

    /** Strangers of the tier among the newest {@code walk} users, newest first, at most a page. */
    private CommonTableExpression<Record1<String>> walked(Tier tier, Condition needed) {
        return walk(tier, tier.label + "_walked", "_newest", needed, walk);
    }

    /**
     * Strangers of the tier, newest first, from a walk down the ids that stops at a page or after {@code rows}
     * users (all of them if null). The walk is a subquery of its own, ordered and limited (or fenced with
     * {@code OFFSET 0}), so that the planner cannot replace it with a read of the trigram index.
     */
    private CommonTableExpression<Record1<String>> walk(
            Tier tier, String cteName, String suffix, Condition needed, Integer rows) {
        UserTable u = USER_TABLE.as(tier.label + suffix + "_user");
        // The searched text is computed inside the walk, over the table, so that PostgreSQL reads it from V5's
        // index instead of lower-casing every row.
        var ordered = select(
                        u.USER_ID, matched(u.FIRST_NAME, u.LAST_NAME, u.EMAIL).as("text"))
                .from(u)
                .where(findableByFragment(u))
                .orderBy(u.USER_ID.desc());
        Table<Record2<String, String>> newest =
                (rows == null ? ordered.offset(inline(0)) : ordered.limit(inline(rows))).asTable(tier.label + suffix);
        Field<String> id = newest.field(u.USER_ID);
        return name(cteName)
                .fields("user_id")
                .as(select(id)
                        .from(newest)
                        .where(needed)
                        .and(tier.matches(this, newest.field("text", String.class)))
                        .and(stranger(id))
                        .orderBy(id.desc())
                        .limit(wanted));
    }

    /** Every user of the tier, from an index; read only when the walk fell short. */
    private CommonTableExpression<Record1<String>> candidates(Tier tier) {
        if (tier != Tier.PREFIX && !trigrams) {
            // Every id, newest first, stopping at a page: quick for a common text, a full pass for a rare one.
            return walk(tier, tier.label + "_candidates", "_all", noCondition(), null);
        }
        UserTable u = USER_TABLE.as(tier.label + "_candidate_user");
        Field<String> text = matched(u.FIRST_NAME, u.LAST_NAME, u.EMAIL);
        Condition matches = tier == Tier.PREFIX && patternOperators
                // The bounds read the pattern-ops btree. The LIKE, kept for exactness, compares a copy of the text
                // that no index holds: else the planner ANDs in the trigram index, which for a prefix returns every
                // row with a word starting so (and every row for a text without a trigram).
                ? condition(
                                "{0} ~>=~ {1} and {0} ~<~ {2}",
                                text, value("low", String.class), value("high", String.class))
                        .and(tier.matches(this, text.concat(inline(""))))
                : tier.matches(this, text);
        // MATERIALIZED and unordered, so that the planner cannot trade the index for a walk down the ids: what a
        // plan made without the text would choose, and ruinous for a rare one.
        return name(tier.label + "_candidates")
                .fields("user_id")
                .asMaterialized(select(u.USER_ID).from(u).where(matches).and(findableByFragment(u)));
    }

    /** The tier's page: the walk's when it found a full one, else the candidates'. */
    private CommonTableExpression<Record1<String>> hit(
            Tier tier,
            Condition needed,
            CommonTableExpression<Record1<String>> walked,
            CommonTableExpression<Record1<String>> candidates) {
        Field<String> walkedId = walked.field("user_id", String.class);
        Field<String> candidateId = candidates.field("user_id", String.class);
        Field<Integer> found = rowsIn(walked);
        Select<Record1<String>> page = select(walkedId)
                .from(walked)
                .where(found.ge(wanted))
                .unionAll(select(candidateId)
                        .from(candidates)
                        .where(needed)
                        .and(found.lt(wanted))
                        .and(stranger(candidateId))
                        .orderBy(candidateId.desc())
                        .limit(wanted));
        if (tier == Tier.PREFIX && field == SearchField.EMAIL) {
            // A private address equal to the text ranks with the prefix tier's public ones, by id.
            Table<Record1<String>> both = page.unionAll(privateExact(needed)).asTable("prefix_found", "user_id");
            Field<String> id = both.field("user_id", String.class);
            page = select(id).from(both).orderBy(id.desc()).limit(wanted);
        }
        return name(tier.label + "_hit").fields("user_id").as(page);
    }

    /** Strangers whose private address is the whole text, ignoring case: an equality on V4's pattern-ops index. */
    private Select<Record1<String>> privateExact(Condition needed) {
        UserTable u = USER_TABLE.as("private_exact_user");
        return select(u.USER_ID)
                .from(u)
                .where(needed)
                .and(matched(u.FIRST_NAME, u.LAST_NAME, u.EMAIL).eq(value("exact", String.class)))
                .and(u.EMAIL_PUBLIC.isFalse())
                .and(stranger(u.USER_ID));
    }

    /**
     * Whether the user's matching text may be shown by this search: always for names; for e-mail, an address its
     * owner keeps private ({@code email_public} false) only when the text is the whole address (API.md, "User
     * search"), so that no fragment finds or rebuilds it. Checked after the text matched, so it costs one primary
     * key lookup per matching row, and the indexes that find the matches stay the same.
     */
    private Condition shown(Field<String> id, Field<String> text) {
        if (field == SearchField.NAME) {
            return noCondition();
        }
        UserTable owner = USER_TABLE.as("email_owner");
        return text.eq(value("exact", String.class))
                .or(exists(selectOne().from(owner).where(owner.USER_ID.eq(id)).and(owner.EMAIL_PUBLIC.isTrue())));
    }

    /**
     * Whether a fragment may find the user's text: always for names; for e-mail only a public address. Written as
     * V11's partial indexes are (their predicate is {@code email_public}), so that the stranger tiers read them.
     */
    private Condition findableByFragment(UserTable row) {
        return field == SearchField.EMAIL ? row.EMAIL_PUBLIC.isTrue() : noCondition();
    }

    /** Neither the viewer, nor anyone ranked above strangers, nor anyone a block separates from the viewer. */
    private Condition stranger(Field<String> id) {
        // Every user the viewer knows who matches a tier also matches anywhere, so is among the known hits.
        // NOT IN, not NOT EXISTS: PostgreSQL hashes the known ids once and probes the hash per row; for NOT EXISTS
        // it chose to rescan them per matching row (a third of a walk's time). No id is NULL.
        return id.ne(viewer)
                .and(id.notIn(select(knownHit.field("user_id", String.class)).from(knownHit)))
                .and(id.notIn(BlockSql.separatedFrom(viewer)));
    }

    /** The requested window of the ranked hits, joined to the users for their summaries: {@link #RESULT}. */
    private Select<Record> page(
            List<CommonTableExpression<?>> ctes, Select<Record4<String, Integer, BigDecimal, Integer>> hits) {
        Table<Record4<String, Integer, BigDecimal, Integer>> hit =
                hits.asTable("hit", "user_id", "code", "mutual", "score");
        Table<Record> ranked = select(hit.fields(HIT_FIELDS))
                .from(hit)
                .orderBy(ranking(hit))
                .offset(value("skip", Integer.class))
                .limit(value("take", Integer.class))
                .asTable("ranked");
        List<Field<?>> result = new ArrayList<>(List.of(
                FOUND.USER_ID,
                FOUND.FIRST_NAME,
                FOUND.LAST_NAME,
                FOUND.DESCRIPTION,
                FOUND.PROFILE_IMAGE_UPLOADED_AT,
                FOUND.PROFILE_IMAGE_EXTENSION));
        result.add(ranked.field(CODE));
        result.add(ranked.field(MUTUAL));
        return with(ctes)
                .select(result)
                .from(ranked)
                .join(FOUND)
                .on(FOUND.USER_ID.eq(ranked.field(USER_ID)))
                .orderBy(ranking(ranked));
    }

    private static List<SortField<?>> ranking(Table<?> hits) {
        return List.of(
                hits.field(CODE).plus(inline(1)).div(inline(2)).desc(),
                hits.field(MUTUAL).desc(),
                hits.field(SCORE).desc(),
                hits.field(USER_ID).desc());
    }

    private Field<Integer> score(Field<String> text) {
        return when(text.like(prefix), inline(Tier.PREFIX.score))
                .when(text.like(suffix), inline(Tier.SUFFIX.score))
                .otherwise(inline(Tier.INFIX.score));
    }

    private static Field<Integer> rowsIn(Table<?> cte) {
        return field(select(count()).from(cte));
    }

    /** A bind value, typed in the SQL so that the statement does not depend on how the driver types it. */
    private static Field<String> text(String name) {
        return param(name, SQLDataType.VARCHAR).cast(SQLDataType.VARCHAR);
    }

    private static Field<Integer> number(String name) {
        return param(name, SQLDataType.INTEGER).cast(SQLDataType.INTEGER);
    }

    /** A value of {@code params}, as a scalar subquery: evaluated once per execution. */
    private <T> Field<T> value(String name, Class<T> type) {
        return field(select(params.field(name, type)).from(params));
    }

    private Field<String> matched(Field<String> firstName, Field<String> lastName, Field<String> email) {
        return matched(field, firstName, lastName, email);
    }

    /** The searched expression of a user row. */
    static Field<String> matched(UserTable user, SearchField field) {
        return matched(field, user.FIRST_NAME, user.LAST_NAME, user.EMAIL);
    }

    /** The searched expression, written exactly as V4's indexes are, or the planner cannot use them. */
    private static Field<String> matched(
            SearchField field, Field<String> firstName, Field<String> lastName, Field<String> email) {
        return switch (field) {
            case NAME -> lower(firstName.concat(inline(" "), lastName));
            case EMAIL -> lower(email);
        };
    }

    /**
     * Whether pg_trgm can take a trigram from the text, which it needs to narrow a "contains" or "ends with" down:
     * three letters or digits in a row (anything else separates its words).
     */
    static boolean hasTrigram(String text) {
        int run = 0;
        for (int at = 0; at < text.length(); at += Character.charCount(text.codePointAt(at))) {
            run = Character.isLetterOrDigit(text.codePointAt(at)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    /** Match scores, each a tier of strangers; a row belongs to the best tier it matches. */
    private enum Tier {
        PREFIX("prefix", 3),
        SUFFIX("suffix", 2),
        INFIX("infix", 1);

        final String label;
        final int score;

        Tier(String label, int score) {
            this.label = label;
            this.score = score;
        }

        Condition matches(SearchStatements s, Field<String> text) {
            return switch (this) {
                case PREFIX -> text.like(s.prefix);
                case SUFFIX -> text.like(s.suffix).and(text.notLike(s.prefix));
                case INFIX -> text.like(s.infix).and(text.notLike(s.prefix)).and(text.notLike(s.suffix));
            };
        }
    }
}
