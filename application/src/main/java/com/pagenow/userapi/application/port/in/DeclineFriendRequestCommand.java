package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/** The caller declines the request {@code userId} sent. */
public record DeclineFriendRequestCommand(@NotNull Caller caller, @NotNull String userId) {

    /** Checks the constraints and that {@code userId} is a user id. */
    public DeclineFriendRequestCommand {
        CommandValidation.validate(DeclineFriendRequestCommand.class, caller, userId);
        requester(userId);
    }

    /**
     * The user who sent the request, parsed from {@code userId}.
     *
     * @return the requester's id
     */
    public UserId requester() {
        return requester(userId);
    }

    private static UserId requester(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
