package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

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
        CommandValidation.validate(Sent.class, caller, userId);
        return new UnblockUserCommand(caller, field("user_id", () -> UserId.of(userId)));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(@NotNull Caller caller, @NotNull String userId) {}
}
