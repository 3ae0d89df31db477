package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the users the caller blocks; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param page which page
 */
public record ListBlockedUsersQuery(
        @NotNull Caller caller, @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link ListBlockedUsersUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param page which page
     */
    public ListBlockedUsersQuery {
        CommandValidation.validate(ListBlockedUsersQuery.class, caller, page);
        page = page.clampedTo(ListBlockedUsersUseCase.MAX_LIMIT);
    }
}
