package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
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

    private static final Field<?>[] RESULT = {FOUND.USER_ID, FOUND.FIRST_NAME, FOUND.LAST_NAME, FOUND.DESCRIPTION,
            FOUND.PROFILE_IMAGE_UPLOADED_AT, FOUND.PROFILE_IMAGE_EXTENSION, CODE, MUTUAL};

    private final JooqContext db;
    private final Map<SearchField, String> search = new EnumMap<>(SearchField.class);
    private final Map<SearchField, String> searchWithoutTrigram = new EnumMap<>(SearchField.class);
    private final Map<SearchField, String> searchFriends = new EnumMap<>(SearchField.class);
    private final Map<SearchField, String> searchFriendsExact = new EnumMap<>(SearchField.class);

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
            search.put(field, render.render(withTrigram.search()));
            searchWithoutTrigram.put(field, render.render(withoutTrigram.search()));
            // Friend search has no stranger tiers, so the trigram question does not arise.
            searchFriends.put(field, render.render(withTrigram.searchFriends(false)));
            searchFriendsExact.put(field, render.render(withTrigram.searchFriends(true)));
        }
    }

    @Override
    public List<UserSummary> search(UserId viewer, SearchField field, SearchText text, PageRequest page) {
        if (page.isEmpty()) {
            return List.of();
        }
        return run((SearchStatements.hasTrigram(text.value()) ? search : searchWithoutTrigram).get(field), viewer,
                text, page);
    }

    @Override
    public List<UserSummary> searchFriends(UserId viewer, SearchField field, SearchText text, boolean exact,
                                           PageRequest page) {
        if (page.isEmpty()) {
            return List.of();
        }
        return run((exact ? searchFriendsExact : searchFriends).get(field), viewer, text, page);
    }

    private List<UserSummary> run(String sql, UserId viewer, SearchText text, PageRequest page) {
        String literal = escape(text.value());
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) page.offset() + page.limit());
        // In the order of SearchStatements.BIND_ORDER.
        Object[] values = {viewer.value(), literal + "%", "%" + literal, "%" + literal + "%", text.value(),
                text.value(), text.value() + LAST, wanted, page.offset(), page.limit()};
        DSLContext dsl = db.readDsl();
        // Straight to JDBC: jOOQ would parse the plain SQL text for bind markers on every call, which costs more
        // than everything else the service does for a search.
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int at = 0; at < values.length; at++) {
                    statement.setObject(at + 1, values[at]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, RESULT).map(JooqUserSearchRepository::summary);
                }
            }
        });
    }

    private static UserSummary summary(Record row) {
        return new UserSummary(UserId.of(row.get(FOUND.USER_ID)),
                JooqUserRepository.storedName(row.get(FOUND.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(FOUND.LAST_NAME)),
                new ProfileText(row.get(FOUND.DESCRIPTION)),
                new ProfileImage(row.get(FOUND.PROFILE_IMAGE_UPLOADED_AT), row.get(FOUND.PROFILE_IMAGE_EXTENSION)),
                status(row.get(CODE)),
                row.get(MUTUAL).longValue());
    }

    private static FriendshipStatus status(int code) {
        return switch (code) {
            case SearchStatements.FRIENDS -> FriendshipStatus.FRIENDS;
            case SearchStatements.OUTGOING -> FriendshipStatus.OUTGOING;
            case SearchStatements.INCOMING -> FriendshipStatus.INCOMING;
            default -> FriendshipStatus.NONE;
        };
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
}
