package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller asks {@code userId2}; asking oneself is invalid ({@link Friendship#requireTwoUsers}).
 *
 * @param caller who asks
 * @param userId2 the user asked
 */
public record SendFriendRequestCommand(
        @NotNull Caller caller, @NotNull String userId2) {

    /**
     * Checks the constraints, that {@code userId2} is a user id, and that it is not the caller's own.
     *
     * @param caller who asks
     * @param userId2 the user asked
     */
    public SendFriendRequestCommand {
        CommandValidation.validate(SendFriendRequestCommand.class, caller, userId2);
        Friendship.requireTwoUsers(caller.userId(), addressee(userId2));
    }

    /**
     * The user asked, parsed from {@code userId2}.
     *
     * @return the addressee's id
     */
    public UserId addressee() {
        return addressee(userId2);
    }

    private static UserId addressee(String raw) {
        return field("user_id2", () -> UserId.of(raw));
    }
}
