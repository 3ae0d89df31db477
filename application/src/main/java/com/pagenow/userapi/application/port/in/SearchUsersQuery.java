package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/** A page of the users whose {@code field} matches {@code q}; the limit is clamped to the maximum. */
public record SearchUsersQuery(@NotNull Caller caller, @NotNull SearchField field, @NotNull String q,
                               @NotNull PageRequest page) {

    public SearchUsersQuery {
        CommandValidation.validate(SearchUsersQuery.class, caller, field, q, page);
        SearchText.of(q);
        page = page.clampedTo(SearchUsersUseCase.MAX_LIMIT);
    }

    public SearchText text() {
        return SearchText.of(q);
    }
}
