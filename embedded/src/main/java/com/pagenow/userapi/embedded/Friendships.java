package com.pagenow.userapi.embedded;

import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.FriendshipQueries;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestUseCase;

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
                FriendshipQueries {}
