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

/** The Friendship resource and the friend lists under {@code /users/id/{user_id}}. */
public final class FriendshipRoutes implements Routes {

    private static final int DEFAULT_LIMIT = 15;

    /** Every friendship use case, each by name. */
    private record UseCases(
            SendFriendRequestUseCase send,
            AcceptFriendRequestUseCase accept,
            DeclineFriendRequestUseCase decline,
            RemoveFriendshipUseCase remove,
            CheckFriendshipUseCase check,
            GetSentFriendRequestUseCase sent,
            ListReceivedFriendRequestsUseCase received,
            ListMyFriendsUseCase myFriends,
            ListFriendsOfUserUseCase friendsOf,
            CountFriendsUseCase countFriends,
            ListMutualFriendsUseCase mutualFriends,
            CountMutualFriendsUseCase countMutualFriends,
            ListRelationshipsUseCase relationships) {}

    private final UseCases useCases;

    /**
     * The routes over the service that changes friendships and the one that reads them; each route takes the use
     * case it needs from them, so the wiring names two services instead of twelve arguments of similar types.
     */
    public <
                    C extends
                            SendFriendRequestUseCase & AcceptFriendRequestUseCase & DeclineFriendRequestUseCase
                                    & RemoveFriendshipUseCase,
                    Q extends
                            CheckFriendshipUseCase & GetSentFriendRequestUseCase & ListReceivedFriendRequestsUseCase
                                    & ListMyFriendsUseCase & ListFriendsOfUserUseCase & CountFriendsUseCase
                                    & ListMutualFriendsUseCase & CountMutualFriendsUseCase & ListRelationshipsUseCase>
            FriendshipRoutes(C changes, Q reads) {
        this.useCases = new UseCases(
                changes, changes, changes, changes, reads, reads, reads, reads, reads, reads, reads, reads, reads);
    }

    @Override
    public void register(Router router) {
        router.post("/friendship/requests", this::send);
        router.quickGet(
                "/friendship/requests",
                request -> useCases.received().listReceivedFriendRequests(request.caller()).stream()
                        .map(FriendshipResponses.Request::of)
                        .toList());
        router.quickGet(
                "/friendship/requests/{user_id}",
                request -> useCases.sent()
                        .getSentFriendRequest(GetSentFriendRequestQuery.of(request.caller(), request.path("user_id")))
                        .map(FriendshipResponses.Row::of)
                        .orElse(null));
        router.delete("/friendship/requests/{user_id}", request -> {
            useCases.decline()
                    .declineFriendRequest(DeclineFriendRequestCommand.of(request.caller(), request.path("user_id")));
            return FriendshipResponses.SUCCESS;
        });
        router.post("/friendship/accept", this::accept);
        router.post("/friendship/delete", this::remove);
        router.quickGet(
                "/friendship/check/{user_id}",
                request -> useCases.check()
                        .checkFriendship(CheckFriendshipQuery.of(request.caller(), request.path("user_id")))
                        .map(FriendshipResponses.Row::of)
                        .orElse(null));
        router.get(
                "/friendship/all",
                request -> useCases.myFriends().listMyFriends(request.caller()).stream()
                        .map(UserResponses.Summary::of)
                        .toList());

        router.quickGet(
                "/users/id/{user_id}/friends",
                request -> useCases
                        .friendsOf()
                        .listFriendsOfUser(ListFriendsOfUserQuery.of(
                                request.caller(), request.path("user_id"), request.page(DEFAULT_LIMIT)))
                        .stream()
                        .map(UserResponses.Summary::of)
                        .toList());
        router.get(
                "/friendship/relationships",
                request -> useCases
                        .relationships()
                        .listRelationships(ListRelationshipsQuery.of(request.caller(), request.query("ids")))
                        .stream()
                        .map(FriendshipResponses.RelationshipTo::of)
                        .toList());
        router.quickGet(
                "/users/id/{user_id}/friends/count",
                request -> FriendshipResponses.Count.of(useCases.countFriends()
                        .countFriends(CountFriendsQuery.of(request.caller(), request.path("user_id")))));
        router.get(
                "/users/id/{user_id}/mutual-friends",
                request -> useCases
                        .mutualFriends()
                        .listMutualFriends(ListMutualFriendsQuery.of(
                                request.caller(), request.path("user_id"), request.page(DEFAULT_LIMIT)))
                        .stream()
                        .map(UserResponses.Summary::of)
                        .toList());
        router.quickGet(
                "/users/id/{user_id}/mutual-friends/count",
                request -> FriendshipResponses.Count.of(useCases.countMutualFriends()
                        .countMutualFriends(CountMutualFriendsQuery.of(request.caller(), request.path("user_id")))));
    }

    private Object send(ApiRequest request) {
        Bodies.Addressee body = request.body(Bodies.Addressee.class);
        useCases.send().sendFriendRequest(SendFriendRequestCommand.of(request.caller(), body.userId2()));
        return FriendshipResponses.SUCCESS;
    }

    private Object accept(ApiRequest request) {
        Bodies.Requester body = request.body(Bodies.Requester.class);
        useCases.accept().acceptFriendRequest(AcceptFriendRequestCommand.of(request.caller(), body.userId1()));
        return FriendshipResponses.SUCCESS;
    }

    private Object remove(ApiRequest request) {
        Bodies.Pair body = request.body(Bodies.Pair.class);
        useCases.remove()
                .removeFriendship(RemoveFriendshipCommand.of(request.caller(), body.userId1(), body.userId2()));
        return FriendshipResponses.SUCCESS;
    }

    /** Request bodies; unknown fields are ignored. */
    private static final class Bodies {
        record Addressee(String userId2) {}

        record Requester(String userId1) {}

        record Pair(String userId1, String userId2) {}
    }
}
