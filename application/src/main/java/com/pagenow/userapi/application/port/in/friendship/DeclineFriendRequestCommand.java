package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller declines the request {@code userId} sent.
 *
 * @param caller who declines
 * @param userId the user who sent the request
 */
public record DeclineFriendRequestCommand(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints and that {@code userId} is a user id.
     *
     * @param caller who declines
     * @param userId the user who sent the request
     */
    public DeclineFriendRequestCommand {
        CommandValidation.validate(DeclineFriendRequestCommand.class, caller, userId);
        requester(userId);
    }

    /**
     * The user who sent the request, parsed from {@code userId}.
     *
     * @return the requester's id
     */
    public UserId requester() {
        return requester(userId);
    }

    private static UserId requester(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
