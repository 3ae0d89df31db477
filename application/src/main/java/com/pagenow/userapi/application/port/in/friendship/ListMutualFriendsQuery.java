package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * A page of the friends the caller shares with {@code userId}; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param userId the other user
 * @param page which page
 */
public record ListMutualFriendsQuery(
        @NotNull Caller caller,
        @NotNull String userId,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints, that {@code userId} is a user id, and clamps the limit to {@link
     * ListMutualFriendsUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param userId the other user
     * @param page which page
     */
    public ListMutualFriendsQuery {
        CommandValidation.validate(ListMutualFriendsQuery.class, caller, userId, page);
        other(userId);
        page = page.clampedTo(ListMutualFriendsUseCase.MAX_LIMIT);
    }

    /**
     * The other user, parsed from {@code userId}.
     *
     * @return the other user's id
     */
    public UserId other() {
        return other(userId);
    }

    private static UserId other(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
