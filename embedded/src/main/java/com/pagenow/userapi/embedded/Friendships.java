package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListMyFriendsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListReceivedFriendRequestsUseCase;
import com.pagenow.userapi.application.port.in.friendship.ListRelationshipsUseCase;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.SuggestFriendsUseCase;

/**
 * Friend requests, friendships and the friend lists: the use cases behind {@code /friendships} and the friend lists of
 * {@code /users}. Each method is the inbound port it comes from, with the same rules, SQL and transactions as the
 * service.
 */
public interface Friendships
        extends SendFriendRequestUseCase,
                AcceptFriendRequestUseCase,
                DeclineFriendRequestUseCase,
                RemoveFriendshipUseCase,
                CheckFriendshipUseCase,
                GetSentFriendRequestUseCase,
                ListReceivedFriendRequestsUseCase,
                ListMyFriendsUseCase,
                ListFriendsOfUserUseCase,
                CountFriendsUseCase,
                ListMutualFriendsUseCase,
                CountMutualFriendsUseCase,
                ListRelationshipsUseCase,
                SuggestFriendsUseCase {}
