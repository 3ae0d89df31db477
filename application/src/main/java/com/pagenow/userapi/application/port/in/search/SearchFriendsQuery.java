package com.pagenow.userapi.application.port.in.search;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.validation.CommandValidation;
import jakarta.validation.constraints.NotNull;

/**
 * A page of the caller's friends whose {@code field} contains {@code q}, or equals it ignoring case when
 * {@code exact}; the limit is clamped to the maximum.
 *
 * @param caller who searches
 * @param field what to search
 * @param text the text to look for
 * @param exact whether the field must equal the text (ignoring case)
 * @param page which page
 */
public record SearchFriendsQuery(
        @NotNull Caller caller,
        @NotNull SearchField field,
        @NotNull SearchText text,
        boolean exact,
        @NotNull PageRequest page) {

    /**
     * Checks the constraints and clamps the limit to {@link SearchFriendsUseCase#MAX_LIMIT}.
     *
     * @param caller who searches
     * @param field what to search
     * @param text the text to look for
     * @param exact whether the field must equal the text (ignoring case)
     * @param page which page
     */
    public SearchFriendsQuery {
        CommandValidation.validate(SearchFriendsQuery.class, caller, field, text, exact, page);
        page = page.clampedTo(SearchFriendsUseCase.MAX_LIMIT);
    }

    /**
     * The query for the text as typed ({@code q}), parsed here once.
     *
     * @param caller who searches
     * @param field what to search
     * @param q the text as typed
     * @param exact whether the field must equal the text (ignoring case)
     * @param page the page
     * @return the query
     * @throws com.pagenow.userapi.domain.error.InvalidValueException when the text is not a valid search text
     */
    public static SearchFriendsQuery of(Caller caller, SearchField field, String q, boolean exact, PageRequest page) {
        return new SearchFriendsQuery(caller, field, SearchText.of(q), exact, page);
    }
}
