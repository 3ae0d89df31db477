package com.pagenow.userapi.application.port.in.friendship;

/**
 * The friendship reads as one port: checking requests and friendships, listing, counting and suggesting friends.
 * The query service implements it; the embedded library's {@code Friendships} and the REST routes take it whole.
 */
public interface FriendshipQueries
        extends CheckFriendshipUseCase,
                GetSentFriendRequestUseCase,
                ListReceivedFriendRequestsUseCase,
                ListMyFriendsUseCase,
                ListFriendsOfUserUseCase,
                CountFriendsUseCase,
                ListMutualFriendsUseCase,
                CountMutualFriendsUseCase,
                ListRelationshipsUseCase,
                SuggestFriendsUseCase {}
