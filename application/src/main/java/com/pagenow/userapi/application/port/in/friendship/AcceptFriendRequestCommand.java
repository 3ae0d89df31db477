package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller accepts the request {@code userId1} sent; accepting oneself is invalid ({@link
 * Friendship#requireTwoUsers}).
 *
 * @param caller who accepts
 * @param userId1 the user who sent the request
 */
public record AcceptFriendRequestCommand(
        @NotNull Caller caller, @NotNull String userId1) {

    /**
     * Checks the constraints, that {@code userId1} is a user id, and that it is not the caller's own.
     *
     * @param caller who accepts
     * @param userId1 the user who sent the request
     */
    public AcceptFriendRequestCommand {
        CommandValidation.validate(AcceptFriendRequestCommand.class, caller, userId1);
        UserId requester = requester(userId1);
        field("user_id1", () -> {
            Friendship.requireTwoUsers(requester, caller.userId());
            return requester;
        });
    }

    /**
     * The user who sent the request, parsed from {@code userId1}.
     *
     * @return the requester's id
     */
    public UserId requester() {
        return requester(userId1);
    }

    private static UserId requester(String raw) {
        return field("user_id1", () -> UserId.of(raw));
    }
}
