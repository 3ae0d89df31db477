package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The request the caller sent to {@code other}.
 *
 * @param caller who asks
 * @param other the user the request went to
 */
public record GetSentFriendRequestQuery(
        @NotNull Caller caller, @NotNull UserId other) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param other the user the request went to
     */
    public GetSentFriendRequestQuery {
        CommandValidation.validate(GetSentFriendRequestQuery.class, caller, other);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId the user the request went to, as sent
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static GetSentFriendRequestQuery of(Caller caller, String userId) {
        return new GetSentFriendRequestQuery(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
