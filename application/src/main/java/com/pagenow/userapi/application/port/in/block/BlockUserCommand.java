package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller blocks {@code userId}; blocking oneself is invalid ({@link Block#requireTwoUsers}).
 *
 * @param caller who blocks
 * @param userId the user to block
 */
public record BlockUserCommand(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints, that {@code userId} is a user id, and that it is not the caller's own.
     *
     * @param caller who blocks
     * @param userId the user to block
     */
    public BlockUserCommand {
        CommandValidation.validate(BlockUserCommand.class, caller, userId);
        Block.requireTwoUsers(caller.userId(), blocked(userId));
    }

    /**
     * The user to block, parsed from {@code userId}.
     *
     * @return the blocked user's id
     */
    public UserId blocked() {
        return blocked(userId);
    }

    private static UserId blocked(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
