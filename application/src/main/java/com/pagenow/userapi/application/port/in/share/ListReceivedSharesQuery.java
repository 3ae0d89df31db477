package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * The shares the caller received: only read ones ({@code isRead} true), only unread (false), or all (null).
 *
 * @param caller who asks
 * @param isRead true for read shares only, false for unread only, null for all
 */
public record ListReceivedSharesQuery(@NotNull Caller caller, Boolean isRead) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param isRead true for read shares only, false for unread only, null for all
     */
    public ListReceivedSharesQuery {
        CommandValidation.validate(ListReceivedSharesQuery.class, caller, isRead);
    }

    /**
     * Which shares to list, from {@code isRead}.
     *
     * @return read only, unread only, or all
     */
    public SeenFilter filter() {
        return SeenFilter.of(isRead);
    }
}
