package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

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
        CommandValidation.validate(Sent.class, caller, userId);
        return new DeclineFriendRequestCommand(caller, field("user_id", () -> UserId.of(userId)));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(@NotNull Caller caller, @NotNull String userId) {}
}
