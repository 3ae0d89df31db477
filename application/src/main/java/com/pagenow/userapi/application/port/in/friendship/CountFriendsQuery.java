package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * How many friends {@code other} has, asked by the caller.
 *
 * @param caller who asks
 * @param other whose friends to count
 */
public record CountFriendsQuery(
        @NotNull Caller caller, @NotNull UserId other) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param other whose friends to count
     */
    public CountFriendsQuery {
        CommandValidation.validate(CountFriendsQuery.class, caller, other);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId whose friends to count, as sent
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static CountFriendsQuery of(Caller caller, String userId) {
        return new CountFriendsQuery(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
