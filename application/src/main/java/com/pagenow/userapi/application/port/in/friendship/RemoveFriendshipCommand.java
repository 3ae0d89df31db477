package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * The caller removes the relationship between {@code userId1} and {@code userId2}, in either order.
 *
 * @param caller who removes it
 * @param userId1 one user
 * @param userId2 the other user
 */
public record RemoveFriendshipCommand(
        @NotNull Caller caller,
        @NotNull String userId1,
        @NotNull String userId2) {

    /**
     * Checks the constraints and that both ids are user ids.
     *
     * @param caller who removes it
     * @param userId1 one user
     * @param userId2 the other user
     */
    public RemoveFriendshipCommand {
        CommandValidation.validate(RemoveFriendshipCommand.class, caller, userId1, userId2);
        user("user_id1", userId1);
        user("user_id2", userId2);
    }

    /**
     * The first user, parsed from {@code userId1}.
     *
     * @return the first user's id
     */
    public UserId first() {
        return user("user_id1", userId1);
    }

    /**
     * The second user, parsed from {@code userId2}.
     *
     * @return the second user's id
     */
    public UserId second() {
        return user("user_id2", userId2);
    }

    private static UserId user(String fieldName, String raw) {
        return field(fieldName, () -> UserId.of(raw));
    }
}
