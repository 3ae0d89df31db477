package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The caller removes the relationship between {@code first} and {@code second}, in either order.
 *
 * @param caller who removes it
 * @param first one user
 * @param second the other user
 */
public record RemoveFriendshipCommand(
        @NotNull Caller caller,
        @NotNull UserId first,
        @NotNull UserId second) {

    /**
     * Checks the constraints.
     *
     * @param caller who removes it
     * @param first one user
     * @param second the other user
     */
    public RemoveFriendshipCommand {
        CommandValidation.validate(RemoveFriendshipCommand.class, caller, first, second);
    }

    /**
     * The command for the {@code user_id1} and {@code user_id2} a client sent.
     *
     * @param caller who removes it
     * @param userId1 one user, as sent
     * @param userId2 the other user, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when either is not a user id
     */
    public static RemoveFriendshipCommand of(Caller caller, String userId1, String userId2) {
        CommandValidation.validate(Sent.class, caller, userId1, userId2);
        return new RemoveFriendshipCommand(
                caller, SentUserId.USER_ID1.parsePresent(userId1), SentUserId.USER_ID2.parsePresent(userId2));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(
            @NotNull Caller caller,
            @NotNull String userId1,
            @NotNull String userId2) {}
}
