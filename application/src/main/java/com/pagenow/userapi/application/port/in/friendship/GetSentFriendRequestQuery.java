package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The request the caller sent to {@code userId}.
 *
 * @param caller who asks
 * @param userId the user the request went to
 */
public record GetSentFriendRequestQuery(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints and that {@code userId} is a user id.
     *
     * @param caller who asks
     * @param userId the user the request went to
     */
    public GetSentFriendRequestQuery {
        CommandValidation.validate(GetSentFriendRequestQuery.class, caller, userId);
        other(userId);
    }

    /**
     * The user the request went to, parsed from {@code userId}.
     *
     * @return that user's id
     */
    public UserId other() {
        return other(userId);
    }

    private static UserId other(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
