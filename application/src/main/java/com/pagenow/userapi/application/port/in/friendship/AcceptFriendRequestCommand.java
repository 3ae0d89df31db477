package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller accepts the request {@code requester} sent; accepting oneself is invalid ({@link
 * Friendship#requireTwoUsers}).
 *
 * @param caller who accepts
 * @param requester the user who sent the request
 */
public record AcceptFriendRequestCommand(
        @NotNull Caller caller, @NotNull UserId requester) {

    /**
     * Checks the constraints and that {@code requester} is not the caller; that rejection names the field
     * {@code user_id1} the client sends.
     *
     * @param caller who accepts
     * @param requester the user who sent the request
     */
    public AcceptFriendRequestCommand {
        CommandValidation.validate(AcceptFriendRequestCommand.class, caller, requester);
        UserId checked = requester;
        field("user_id1", () -> {
            Friendship.requireTwoUsers(checked, caller.userId());
            return checked;
        });
    }

    /**
     * The command for the {@code user_id1} a client sent.
     *
     * @param caller who accepts
     * @param userId1 the user who sent the request, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId1} is not a user id or is the
     *         caller's own
     */
    public static AcceptFriendRequestCommand of(Caller caller, String userId1) {
        return new AcceptFriendRequestCommand(caller, SentUserId.USER_ID1.parse(caller, userId1));
    }
}
