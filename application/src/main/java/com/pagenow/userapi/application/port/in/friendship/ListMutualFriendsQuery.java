package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import com.pagenow.userapi.application.validation.SentUserId;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the friends the caller shares with {@code other}; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param other the other user
 * @param page which page
 */
public record ListMutualFriendsQuery(
        @NotNull Caller caller,
        @NotNull UserId other,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link ListMutualFriendsUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param other the other user
     * @param page which page
     */
    public ListMutualFriendsQuery {
        CommandValidation.validate(ListMutualFriendsQuery.class, caller, other, page);
        page = page.clampedTo(ListMutualFriendsUseCase.MAX_LIMIT);
    }

    /**
     * The query for the {@code user_id} a client sent.
     *
     * @param caller who asks
     * @param userId the other user, as sent
     * @param page which page
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when {@code userId} is not a user id
     */
    public static ListMutualFriendsQuery of(Caller caller, String userId, PageRequest page) {
        return new ListMutualFriendsQuery(caller, SentUserId.USER_ID.parse(caller, userId, page), page);
    }
}
