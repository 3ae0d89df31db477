package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileImage;
import com.pagenow.userapi.domain.user.ProfileText;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Record;
import org.jooq.SelectField;

import java.time.Instant;
import java.util.Arrays;

/**
 * The user-summary shape read by the friend lists, friend requests and search: one column list and one mapping
 * for every repository, over any alias of {@code user_table}.
 */
final class UserSummaryMapper {

    private UserSummaryMapper() {}

    /** The summary columns of {@code user}, followed by {@code extra}. */
    static SelectField<?>[] fields(UserTable user, SelectField<?>... extra) {
        SelectField<?>[] columns = {
            user.USER_ID,
            user.FIRST_NAME,
            user.LAST_NAME,
            user.DESCRIPTION,
            user.PROFILE_IMAGE_UPLOADED_AT,
            user.PROFILE_IMAGE_EXTENSION
        };
        SelectField<?>[] all = Arrays.copyOf(columns, columns.length + extra.length);
        System.arraycopy(extra, 0, all, columns.length, extra.length);
        return all;
    }

    /** A row read with {@link #fields} as a summary; {@code mutual} is null where not computed. */
    static UserSummary summary(Record row, UserTable user, FriendshipStatus status, Long mutual) {
        return person(
                row,
                user,
                (id, firstName, lastName, description, image) ->
                        new UserSummary(id, firstName, lastName, description, image, status, mutual));
    }

    /** A row read with {@link #fields} as a request that user sent at {@code requestedAt}. */
    static FriendRequest request(Record row, UserTable user, Instant requestedAt) {
        return person(
                row,
                user,
                (id, firstName, lastName, description, image) ->
                        new FriendRequest(id, firstName, lastName, description, image, requestedAt));
    }

    /** The one mapping of the summary columns, into whichever read model carries them. */
    private static <T> T person(Record row, UserTable user, Person<T> as) {
        return as.of(
                UserId.of(row.get(user.USER_ID)),
                JooqUserRepository.storedName(row.get(user.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(user.LAST_NAME)),
                new ProfileText(row.get(user.DESCRIPTION)),
                new ProfileImage(row.get(user.PROFILE_IMAGE_UPLOADED_AT), row.get(user.PROFILE_IMAGE_EXTENSION)));
    }

    @FunctionalInterface
    private interface Person<T> {
        T of(UserId id, PersonName firstName, PersonName lastName, ProfileText description, ProfileImage image);
    }
}
