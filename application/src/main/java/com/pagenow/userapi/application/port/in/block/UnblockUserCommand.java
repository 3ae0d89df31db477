package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * The caller lifts their block of {@code blocked}.
 *
 * @param caller who lifts the block
 * @param blocked the blocked user
 */
public record UnblockUserCommand(
        @NotNull Caller caller, @NotNull UserId blocked) {

    /**
     * Checks the constraints.
     *
     * @param caller who lifts the block
     * @param blocked the blocked user
     */
    public UnblockUserCommand {
        CommandValidation.validate(UnblockUserCommand.class, caller, blocked);
    }

    /**
     * The command for the {@code user_id} a client sent.
     *
     * @param caller who lifts the block
     * @param userId the blocked user, as sent
     * @return the command
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static UnblockUserCommand of(Caller caller, String userId) {
        return new UnblockUserCommand(caller, SentUserId.USER_ID.parse(caller, userId));
    }
}
