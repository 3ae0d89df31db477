package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.ApiRequest;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.FriendshipQueries;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestQuery;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserQuery;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListMyFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListReceivedFriendRequestsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsQuery;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsUseCase;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsUseCase;

import java.util.List;

/**
 * The Friendship resource, the friend lists under {@code /users/id/{user_id}} and the people the caller may know
 * ({@code /users/me/suggestions}).
 */
public final class FriendshipRoutes implements Routes {

    private static final int DEFAULT_LIMIT = 15;

    private final SendFriendRequestUseCase send;
    private final ListReceivedFriendRequestsUseCase received;
    private final GetSentFriendRequestUseCase sent;
    private final DeclineFriendRequestUseCase decline;
    private final AcceptFriendRequestUseCase accept;
    private final RemoveFriendshipUseCase remove;
    private final CheckFriendshipUseCase check;
    private final ListMyFriendsUseCase myFriends;
    private final ListFriendsOfUserUseCase friendsOf;
    private final ListRelationshipsUseCase relationships;
    private final CountFriendsUseCase countFriends;
    private final ListMutualFriendsUseCase mutualFriends;
    private final CountMutualFriendsUseCase countMutualFriends;
    private final SuggestFriendsUseCase suggestions;

    /**
     * The routes over the services implementing their use cases; each route keeps the use case it calls.
     *
     * @param changes the friendship commands
     * @param reads the friendship queries
     * @param <C> the use cases of changes
     */
    public <
                    C extends
                            SendFriendRequestUseCase & DeclineFriendRequestUseCase & AcceptFriendRequestUseCase
                                    & RemoveFriendshipUseCase>
            FriendshipRoutes(C changes, FriendshipQueries reads) {
        this.send = changes;
        this.decline = changes;
        this.accept = changes;
        this.remove = changes;
        this.received = reads;
        this.sent = reads;
        this.check = reads;
        this.myFriends = reads;
        this.friendsOf = reads;
        this.relationships = reads;
        this.countFriends = reads;
        this.mutualFriends = reads;
        this.countMutualFriends = reads;
        this.suggestions = reads;
    }

    @Override
    public void register(Router router) {
        router.post("/friendship/requests", this::send);
        router.quickGet("/friendship/requests", this::received);
        router.quickGet("/friendship/requests/{user_id}", this::sent);
        router.delete("/friendship/requests/{user_id}", this::decline);
        router.post("/friendship/accept", this::accept);
        router.post("/friendship/delete", this::remove);
        router.quickGet("/friendship/check/{user_id}", this::check);
        router.get("/friendship/all", this::myFriends);
        router.quickGet("/users/id/{user_id}/friends", this::friendsOf);
        router.get("/friendship/relationships", this::relationships);
        router.quickGet("/users/id/{user_id}/friends/count", this::countFriends);
        router.get("/users/id/{user_id}/mutual-friends", this::mutualFriends);
        router.quickGet("/users/id/{user_id}/mutual-friends/count", this::countMutualFriends);
        router.get("/users/me/suggestions", this::suggestions);
    }

    private Object send(ApiRequest request) {
        Bodies.Addressee body = request.body(Bodies.Addressee.class);
        send.sendFriendRequest(SendFriendRequestCommand.of(request.caller(), body.userId2()));
        return FriendshipResponses.SUCCESS;
    }

    private List<FriendshipResponses.Request> received(ApiRequest request) {
        return received.listReceivedFriendRequests(request.caller()).stream()
                .map(FriendshipResponses.Request::of)
                .toList();
    }

    private FriendshipResponses.Row sent(ApiRequest request) {
        return sent.getSentFriendRequest(GetSentFriendRequestQuery.of(request.caller(), request.path("user_id")))
                .map(FriendshipResponses.Row::of)
                .orElse(null);
    }

    private Object decline(ApiRequest request) {
        decline.declineFriendRequest(DeclineFriendRequestCommand.of(request.caller(), request.path("user_id")));
        return FriendshipResponses.SUCCESS;
    }

    private Object accept(ApiRequest request) {
        Bodies.Requester body = request.body(Bodies.Requester.class);
        accept.acceptFriendRequest(AcceptFriendRequestCommand.of(request.caller(), body.userId1()));
        return FriendshipResponses.SUCCESS;
    }

    private Object remove(ApiRequest request) {
        Bodies.Pair body = request.body(Bodies.Pair.class);
        remove.removeFriendship(RemoveFriendshipCommand.of(request.caller(), body.userId1(), body.userId2()));
        return FriendshipResponses.SUCCESS;
    }

    private FriendshipResponses.Row check(ApiRequest request) {
        return check.checkFriendship(CheckFriendshipQuery.of(request.caller(), request.path("user_id")))
                .map(FriendshipResponses.Row::of)
                .orElse(null);
    }

    private List<UserResponses.Summary> myFriends(ApiRequest request) {
        return UserResponses.Summary.ofAll(myFriends.listMyFriends(request.caller()));
    }

    private List<UserResponses.Summary> friendsOf(ApiRequest request) {
        return UserResponses.Summary.ofAll(friendsOf.listFriendsOfUser(
                ListFriendsOfUserQuery.of(request.caller(), request.path("user_id"), request.page(DEFAULT_LIMIT))));
    }

    private List<FriendshipResponses.RelationshipTo> relationships(ApiRequest request) {
        return relationships
                .listRelationships(ListRelationshipsQuery.of(request.caller(), request.query("ids")))
                .stream()
                .map(FriendshipResponses.RelationshipTo::of)
                .toList();
    }

    private FriendshipResponses.Count countFriends(ApiRequest request) {
        return FriendshipResponses.Count.of(
                countFriends.countFriends(CountFriendsQuery.of(request.caller(), request.path("user_id"))));
    }

    private List<UserResponses.Summary> mutualFriends(ApiRequest request) {
        return UserResponses.Summary.ofAll(mutualFriends.listMutualFriends(
                ListMutualFriendsQuery.of(request.caller(), request.path("user_id"), request.page(DEFAULT_LIMIT))));
    }

    private FriendshipResponses.Count countMutualFriends(ApiRequest request) {
        return FriendshipResponses.Count.of(countMutualFriends.countMutualFriends(
                CountMutualFriendsQuery.of(request.caller(), request.path("user_id"))));
    }

    private List<UserResponses.Summary> suggestions(ApiRequest request) {
        return UserResponses.Summary.ofAll(suggestions.suggestFriends(
                new SuggestFriendsQuery(request.caller(), request.page(SuggestFriendsUseCase.DEFAULT_LIMIT))));
    }

    /** Request bodies; unknown fields are ignored. */
    private static final class Bodies {
        record Addressee(String userId2) {}

        record Requester(String userId1) {}

        record Pair(String userId1, String userId2) {}
    }
}
