package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * How many friends {@code userId} has, asked by the caller.
 *
 * @param caller who asks
 * @param userId whose friends to count
 */
public record CountFriendsQuery(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints and that {@code userId} is a user id.
     *
     * @param caller who asks
     * @param userId whose friends to count
     */
    public CountFriendsQuery {
        CommandValidation.validate(CountFriendsQuery.class, caller, userId);
        other(userId);
    }

    /**
     * The user whose friends are counted, parsed from {@code userId}.
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
