package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of people the caller may know; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param page which page
 */
public record SuggestFriendsQuery(
        @NotNull Caller caller, @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link SuggestFriendsUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param page which page
     */
    public SuggestFriendsQuery {
        CommandValidation.validate(SuggestFriendsQuery.class, caller, page);
        page = page.clampedTo(SuggestFriendsUseCase.MAX_LIMIT);
    }
}
