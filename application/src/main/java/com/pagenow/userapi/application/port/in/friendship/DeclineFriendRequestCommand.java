package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The caller declines the request {@code requester} sent.
 *
 * @param caller who declines
 * @param requester the user who sent the request
 */
public record DeclineFriendRequestCommand(
        @NotNull Caller caller, @NotNull UserId requester) {

    /**
     * Checks the constraints.
     *
     * @param caller who declines
     * @param requester the user who sent the request
     */
    public DeclineFriendRequestCommand {
        CommandValidation.validate(DeclineFriendRequestCommand.class, caller, requester);
    }

    /**
     * The command for the {@code user_id} a client sent.
     *
     * @param caller who declines
     * @param userId the user who sent the request, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static DeclineFriendRequestCommand of(Caller caller, String userId) {
        return new DeclineFriendRequestCommand(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
