package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the caller's friends whose {@code field} contains {@code q}, or equals it ignoring case when
 * {@code exact}; the limit is clamped to the maximum.
 */
public record SearchFriendsQuery(@NotNull Caller caller, @NotNull SearchField field, @NotNull String q,
                                 boolean exact, @NotNull PageRequest page) {

    public SearchFriendsQuery {
        CommandValidation.validate(SearchFriendsQuery.class, caller, field, q, exact, page);
        SearchText.of(q);
        page = page.clampedTo(SearchFriendsUseCase.MAX_LIMIT);
    }

    public SearchText text() {
        return SearchText.of(q);
    }
}
