package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * How the caller stands with {@code other}.
 *
 * @param caller who asks
 * @param other the other user
 */
public record CheckFriendshipQuery(
        @NotNull Caller caller, @NotNull UserId other) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param other the other user
     */
    public CheckFriendshipQuery {
        CommandValidation.validate(CheckFriendshipQuery.class, caller, other);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId the other user, as sent
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static CheckFriendshipQuery of(Caller caller, String userId) {
        return new CheckFriendshipQuery(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
