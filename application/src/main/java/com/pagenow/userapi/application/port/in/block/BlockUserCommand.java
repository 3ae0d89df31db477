package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The caller blocks {@code blocked}; blocking oneself is invalid ({@link Block#requireTwoUsers}).
 *
 * @param caller who blocks
 * @param blocked the user to block
 */
public record BlockUserCommand(
        @NotNull Caller caller, @NotNull UserId blocked) {

    /**
     * Checks the constraints and that {@code blocked} is not the caller.
     *
     * @param caller who blocks
     * @param blocked the user to block
     */
    public BlockUserCommand {
        CommandValidation.validate(BlockUserCommand.class, caller, blocked);
        Block.requireTwoUsers(caller.userId(), blocked);
    }

    /**
     * The command for the {@code user_id} a client sent.
     *
     * @param caller who blocks
     * @param userId the user to block, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id or is the
     *         caller's own
     */
    public static BlockUserCommand of(Caller caller, String userId) {
        return new BlockUserCommand(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
