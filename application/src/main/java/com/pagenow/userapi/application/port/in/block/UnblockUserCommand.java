package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller lifts their block of {@code userId}.
 *
 * @param caller who lifts the block
 * @param userId the blocked user
 */
public record UnblockUserCommand(
        @NotNull Caller caller, @NotNull String userId) {

    /**
     * Checks the constraints and that {@code userId} is a user id.
     *
     * @param caller who lifts the block
     * @param userId the blocked user
     */
    public UnblockUserCommand {
        CommandValidation.validate(UnblockUserCommand.class, caller, userId);
        blocked(userId);
    }

    /**
     * The user to unblock, parsed from {@code userId}.
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
