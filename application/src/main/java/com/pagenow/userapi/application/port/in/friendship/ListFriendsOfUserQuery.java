package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * A page of {@code user}'s friends as the caller sees them; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param user whose friends
 * @param page which page
 */
public record ListFriendsOfUserQuery(
        @NotNull Caller caller,
        @NotNull UserId user,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link ListFriendsOfUserUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param user whose friends
     * @param page which page
     */
    public ListFriendsOfUserQuery {
        CommandValidation.validate(ListFriendsOfUserQuery.class, caller, user, page);
        page = page.clampedTo(ListFriendsOfUserUseCase.MAX_LIMIT);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId whose friends, as sent
     * @param page which page
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static ListFriendsOfUserQuery of(Caller caller, String userId, PageRequest page) {
        return new ListFriendsOfUserQuery(caller, SentUserId.USER_ID.parse(caller, userId, page), page);
    }
}
