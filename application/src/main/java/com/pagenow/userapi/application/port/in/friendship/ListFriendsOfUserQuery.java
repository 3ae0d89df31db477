package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

import static com.pagenow.userapi.application.validation.Fields.field;

/**
 * A page of {@code userId}'s friends as the caller sees them; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param userId whose friends
 * @param page which page
 */
public record ListFriendsOfUserQuery(
        @NotNull Caller caller,
        @NotNull String userId,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints, that {@code userId} is a user id, and clamps the limit to {@link
     * ListFriendsOfUserUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param userId whose friends
     * @param page which page
     */
    public ListFriendsOfUserQuery {
        CommandValidation.validate(ListFriendsOfUserQuery.class, caller, userId, page);
        user(userId);
        page = page.clampedTo(ListFriendsOfUserUseCase.MAX_LIMIT);
    }

    /**
     * The user whose friends are listed, parsed from {@code userId}.
     *
     * @return that user's id
     */
    public UserId user() {
        return user(userId);
    }

    private static UserId user(String raw) {
        return field("user_id", () -> UserId.of(raw));
    }
}
