package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * How many friends the caller shares with {@code other}.
 *
 * @param caller who asks
 * @param other the other user
 */
public record CountMutualFriendsQuery(
        @NotNull Caller caller, @NotNull UserId other) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param other the other user
     */
    public CountMutualFriendsQuery {
        CommandValidation.validate(CountMutualFriendsQuery.class, caller, other);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId the other user, as sent
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static CountMutualFriendsQuery of(Caller caller, String userId) {
        CommandValidation.validate(Sent.class, caller, userId);
        return new CountMutualFriendsQuery(caller, field("user_id", () -> UserId.of(userId)));
    }

    /** The inputs as sent; a missing one is reported by its name here. */
    private record Sent(@NotNull Caller caller, @NotNull String userId) {}
}
