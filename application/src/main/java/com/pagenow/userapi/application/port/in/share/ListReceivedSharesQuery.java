package com.pagenow.userapi.application.port.in.share;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * The shares the caller received: all, only those seen, or only those not yet seen.
 *
 * @param caller who asks
 * @param filter which shares to list
 */
public record ListReceivedSharesQuery(
        @NotNull Caller caller, @NotNull SeenFilter filter) {

    /**
     * Checks the constraints.
     *
     * @param caller who asks
     * @param filter which shares to list
     */
    public ListReceivedSharesQuery {
        CommandValidation.validate(ListReceivedSharesQuery.class, caller, filter);
    }

    /**
     * The query for the {@code is_read} a client sent.
     *
     * @param caller who asks
     * @param isRead true for read shares only, false for unread only, null for all
     * @return the query
     */
    public static ListReceivedSharesQuery of(Caller caller, Boolean isRead) {
        return new ListReceivedSharesQuery(caller, SeenFilter.of(isRead));
    }
}
