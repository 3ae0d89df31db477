package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * How the caller stands with {@code userId}.
 *
 * @param caller who asks
 * @param userId the other user
 */
public record CheckFriendshipQuery(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints and that {@code userId} is a user id.
     *
     * @param caller who asks
     * @param userId the other user
     */
    public CheckFriendshipQuery {
        CommandValidation.validate(CheckFriendshipQuery.class, caller, userId);
        other(userId);
    }

    /**
     * The other user, parsed from {@code userId}.
     *
     * @return the other user's id
     */
    public UserId other() {
        return other(userId);
    }

    private static UserId other(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
