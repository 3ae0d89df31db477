package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * How many friends the caller shares with {@code other}.
 *
 * @param caller who asks
 * @param other the other user
 */
public record CountMutualFriendsQuery(
        @NotNull Caller caller, @NotNull UserId other) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param other the other user
     */
    public CountMutualFriendsQuery {
        CommandValidation.validate(CountMutualFriendsQuery.class, caller, other);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId the other user, as sent
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static CountMutualFriendsQuery of(Caller caller, String userId) {
        return new CountMutualFriendsQuery(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
