package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsUseCase;

import java.util.List;

/** People the caller may know: {@code /users/me/suggestions}. */
public final class SuggestionRoutes implements Routes {

    private final SuggestFriendsUseCase suggestions;

    /**
     * The route over its use case.
     *
     * @param suggestions suggests people the caller may know
     */
    public SuggestionRoutes(SuggestFriendsUseCase suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public void register(Router router) {
        router.get("/users/me/suggestions", this::suggestions);
    }

    private List<UserResponses.Summary> suggestions(ApiRequest request) {
        return UserResponses.Summary.ofAll(suggestions.suggestFriends(
                new SuggestFriendsQuery(request.caller(), request.page(SuggestFriendsUseCase.DEFAULT_LIMIT))));
    }
}
