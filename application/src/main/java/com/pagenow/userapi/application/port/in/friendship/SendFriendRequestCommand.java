package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The caller asks {@code addressee}; asking oneself is invalid ({@link Friendship#requireTwoUsers}).
 *
 * @param caller who asks
 * @param addressee the user asked
 */
public record SendFriendRequestCommand(
        @NotNull Caller caller, @NotNull UserId addressee) {

    /**
     * Checks the constraints and that {@code addressee} is not the caller.
     *
     * @param caller who asks
     * @param addressee the user asked
     */
    public SendFriendRequestCommand {
        CommandValidation.validate(SendFriendRequestCommand.class, caller, addressee);
        Friendship.requireTwoUsers(caller.userId(), addressee);
    }

    /**
     * The command for the {@code user_id2} a client sent.
     *
     * @param caller who asks
     * @param userId2 the user asked, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId2} is not a user id or is the
     *         caller's own
     */
    public static SendFriendRequestCommand of(Caller caller, String userId2) {
        return new SendFriendRequestCommand(caller, SentUserId.USER_ID2.parse(caller, userId2));
    }
}
