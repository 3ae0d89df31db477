package com.pagenow.userapi.application.port.in.search;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the users whose {@code field} matches {@code q}; the limit is clamped to the maximum.
 *
 * @param caller who searches
 * @param field what to search
 * @param text the text to look for
 * @param page which page
 */
public record SearchUsersQuery(
        @NotNull Caller caller,
        @NotNull SearchField field,
        @NotNull SearchText text,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link SearchUsersUseCase#MAX_LIMIT}.
     *
     * @param caller who searches
     * @param field what to search
     * @param text the text to look for
     * @param page which page
     */
    public SearchUsersQuery {
        CommandValidation.validate(SearchUsersQuery.class, caller, field, text, page);
        page = page.clampedTo(SearchUsersUseCase.MAX_LIMIT);
    }

    /**
     * The query for the text as typed ({@code q}), parsed here once.
     *
     * @param caller who searches
     * @param field what to search
     * @param q the text as typed
     * @param page the page
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the text is not a valid search text
     */
    public static SearchUsersQuery of(Caller caller, SearchField field, String q, PageRequest page) {
        return new SearchUsersQuery(caller, field, SearchText.of(q), page);
    }
}
