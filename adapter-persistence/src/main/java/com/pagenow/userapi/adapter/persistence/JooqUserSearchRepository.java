package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.pagenow.userapi.adapter.persistence.SearchStatements.CODE;
import static com.pagenow.userapi.adapter.persistence.SearchStatements.FOUND;
import static com.pagenow.userapi.adapter.persistence.SearchStatements.MUTUAL;

/**
 * {@link UserSearchRepository} in one statement per call ({@link SearchStatements}).
 * <p>
 * The statements are rendered once, when the repository is made, and sent with bind values: rendering a statement
 * of this size with jOOQ on every call cost more CPU than PostgreSQL needed to run it, and one SQL text per
 * statement lets the driver and PostgreSQL prepare and plan it once per connection.
 */
final class JooqUserSearchRepository implements UserSearchRepository {

    /** The escape character of the LIKE patterns: SQL's default, so the statements need no ESCAPE clause. */
    private static final char ESCAPE = '\\';

    /** How many of the newest users a stranger tier walks before reading an index (see {@link SearchStatements}). */
    static final int DEFAULT_WALK = 4000;

    /** U+10FFFF, above every character: {@code text + LAST} bounds the strings starting with {@code text}. */
    private static final String LAST = new String(Character.toChars(Character.MAX_CODE_POINT));

    private static final Field<?>[] RESULT = Arrays.stream(UserSummaryMapper.fields(FOUND, CODE, MUTUAL))
            .map(Field.class::cast)
            .toArray(Field<?>[]::new);

    private final JooqContext db;
    private final Map<SearchField, Statement> search = new EnumMap<>(SearchField.class);
    private final Map<SearchField, Statement> searchWithoutTrigram = new EnumMap<>(SearchField.class);
    private final Map<SearchField, Statement> searchFriends = new EnumMap<>(SearchField.class);
    private final Map<SearchField, Statement> searchFriendsExact = new EnumMap<>(SearchField.class);

    JooqUserSearchRepository(JooqContext db) {
        this(db, DEFAULT_WALK);
    }

    JooqUserSearchRepository(JooqContext db, int walk) {
        this.db = Objects.requireNonNull(db);
        SQLDialect dialect = db.dialect();
        DSLContext render = DSL.using(dialect);
        boolean patternOperators = dialect.family() == SQLDialect.POSTGRES;
        for (SearchField field : SearchField.values()) {
            SearchStatements withTrigram = new SearchStatements(field, patternOperators, true, walk);
            SearchStatements withoutTrigram = new SearchStatements(field, patternOperators, false, walk);
            search.put(field, Statement.of(render, withTrigram.search()));
            searchWithoutTrigram.put(field, Statement.of(render, withoutTrigram.search()));
            // Friend search has no stranger tiers, so the trigram question does not arise.
            searchFriends.put(field, Statement.of(render, withTrigram.searchFriends(false)));
            searchFriendsExact.put(field, Statement.of(render, withTrigram.searchFriends(true)));
        }
    }

    @Override
    public List<UserSummary> search(UserId viewer, SearchField field, SearchText text, PageRequest page) {
        return run(
                (SearchStatements.hasTrigram(text.value()) ? search : searchWithoutTrigram).get(field),
                viewer,
                text,
                page);
    }

    @Override
    public List<UserSummary> searchFriends(
            UserId viewer, SearchField field, SearchText text, boolean exact, PageRequest page) {
        return run((exact ? searchFriendsExact : searchFriends).get(field), viewer, text, page);
    }

    private List<UserSummary> run(Statement sql, UserId viewer, SearchText text, PageRequest page) {
        String literal = escape(text.value());
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) page.offset() + page.limit());
        SearchBinds binds = new SearchBinds(
                viewer.value(),
                literal + "%",
                "%" + literal,
                "%" + literal + "%",
                text.value(),
                text.value(),
                text.value() + LAST,
                wanted,
                page.offset(),
                page.limit());
        Object[] values = sql.values(binds);
        DSLContext dsl = db.readDsl();
        // Straight to JDBC: jOOQ would parse the plain SQL text for bind markers on every call, which costs more
        // than everything else the service does for a search.
        return DatabaseFailures.translating(() -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
                for (int at = 0; at < values.length; at++) {
                    statement.setObject(at + 1, values[at]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, RESULT).map(JooqUserSearchRepository::summary);
                }
            }
        }));
    }

    private static UserSummary summary(Record row) {
        return UserSummaryMapper.summary(
                row, FOUND, RelationCode.status(row.get(CODE)), row.get(MUTUAL).longValue());
    }

    /** The text as a LIKE pattern fragment in which every character means itself. */
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

    /** A rendered statement and the names of its {@code ?} parameters, in the order they stand in the text. */
    record Statement(String text, List<String> names) {

        static Statement of(DSLContext render, Query query) {
            // jOOQ lists the parameters in the order it renders them, inline literals (not bound) included.
            List<String> names = render.extractParams(query).entrySet().stream()
                    .filter(param -> !param.getValue().isInline())
                    .map(Map.Entry::getKey)
                    .toList();
            if (names.size() != SearchBinds.NAMES.size() || !new HashSet<>(names).containsAll(SearchBinds.NAMES)) {
                throw new IllegalStateException(
                        "search statement parameters " + names + " are not the binds " + SearchBinds.NAMES);
            }
            return new Statement(render.render(query), names);
        }

        Object[] values(SearchBinds binds) {
            Map<String, Object> byName = binds.byName();
            return names.stream().map(byName::get).toArray();
        }
    }
}
