package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the shares the caller sent; the limit is clamped to the maximum.
 *
 * @param caller who asks
 * @param page which page
 */
public record ListSentSharesQuery(
        @NotNull Caller caller, @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link ListSentSharesUseCase#MAX_LIMIT}.
     *
     * @param caller who asks
     * @param page which page
     */
    public ListSentSharesQuery {
        CommandValidation.validate(ListSentSharesQuery.class, caller, page);
        page = page.clampedTo(ListSentSharesUseCase.MAX_LIMIT);
    }
}
