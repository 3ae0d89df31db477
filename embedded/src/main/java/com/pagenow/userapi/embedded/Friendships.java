package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.CheckFriendshipUseCase;
import com.pagenow.userapi.application.port.in.CountFriendsUseCase;
import com.pagenow.userapi.application.port.in.CountMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.GetSentFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.ListFriendsOfUserUseCase;
import com.pagenow.userapi.application.port.in.ListMutualFriendsUseCase;
import com.pagenow.userapi.application.port.in.ListMyFriendsUseCase;
import com.pagenow.userapi.application.port.in.ListReceivedFriendRequestsUseCase;
import com.pagenow.userapi.application.port.in.ListRelationshipsUseCase;
import com.pagenow.userapi.application.port.in.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.SendFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.SuggestFriendsUseCase;

/**
 * Friend requests, friendships and the friend lists: the use cases behind {@code /friendships} and the friend lists of {@code /users}. Each method is the inbound port it comes from, with the same rules, SQL and transactions as the service.
 */
public interface Friendships extends SendFriendRequestUseCase,
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
        SuggestFriendsUseCase {
}
