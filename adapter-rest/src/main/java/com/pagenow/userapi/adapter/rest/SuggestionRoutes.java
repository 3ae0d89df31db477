package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsUseCase;

/** People the caller may know: {@code /users/me/suggestions}. */
public final class SuggestionRoutes implements Routes {

    private final SuggestFriendsUseCase suggestions;

    public SuggestionRoutes(SuggestFriendsUseCase suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public void register(Router router) {
        router.get(
                "/users/me/suggestions",
                request -> suggestions
                        .suggestFriends(new SuggestFriendsQuery(
                                request.caller(), request.page(SuggestFriendsUseCase.DEFAULT_LIMIT)))
                        .stream()
                        .map(UserResponses.Summary::of)
                        .toList());
    }
}
