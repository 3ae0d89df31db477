package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.search.SearchFriendsQuery;
import com.pagenow.userapi.application.port.in.search.SearchFriendsUseCase;
import com.pagenow.userapi.application.port.in.search.SearchUsersQuery;
import com.pagenow.userapi.application.port.in.search.SearchUsersUseCase;
import com.pagenow.userapi.application.readmodel.SearchField;

import java.util.List;

/** User search ({@code /users/search/...}) and friend search ({@code /friendship/search/...}). */
public final class SearchRoutes implements Routes {

    private final SearchUsersUseCase users;
    private final SearchFriendsUseCase friends;

    /**
     * The routes over the service implementing their use cases; each route keeps the use case it calls.
     *
     * @param search the search service
     * @param <S> the use cases of search
     */
    public <S extends SearchUsersUseCase & SearchFriendsUseCase> SearchRoutes(S search) {
        this.users = search;
        this.friends = search;
    }

    @Override
    public void register(Router router) {
        router.search("/users/search/name/{q}", this::usersByName);
        router.search("/users/search/email/{q}", this::usersByEmail);
        router.search("/friendship/search/name/{q}", this::friendsByName);
        router.search("/friendship/search/email/{q}", this::friendsByEmail);
    }

    private List<UserResponses.Summary> usersByName(ApiRequest request) {
        return searchUsers(request, SearchField.NAME);
    }

    private List<UserResponses.Summary> usersByEmail(ApiRequest request) {
        return searchUsers(request, SearchField.EMAIL);
    }

    private List<UserResponses.Summary> friendsByName(ApiRequest request) {
        return searchFriends(request, SearchField.NAME);
    }

    private List<UserResponses.Summary> friendsByEmail(ApiRequest request) {
        return searchFriends(request, SearchField.EMAIL);
    }

    private List<UserResponses.Summary> searchUsers(ApiRequest request, SearchField field) {
        SearchUsersQuery query = SearchUsersQuery.of(
                request.caller(), field, request.path("q"), request.page(SearchUsersUseCase.DEFAULT_LIMIT));
        return UserResponses.Summary.ofAll(users.searchUsers(query));
    }

    private List<UserResponses.Summary> searchFriends(ApiRequest request, SearchField field) {
        SearchFriendsQuery query = SearchFriendsQuery.of(
                request.caller(),
                field,
                request.path("q"),
                Boolean.TRUE.equals(request.queryBoolean("exact")),
                request.page(SearchFriendsUseCase.DEFAULT_LIMIT));
        return UserResponses.Summary.ofAll(friends.searchFriends(query));
    }
}
