package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.BlockedUser;

import java.util.List;

/** The users the caller blocks, newest block first. */
public interface ListBlockedUsersUseCase {

    int DEFAULT_LIMIT = 15;
    int MAX_LIMIT = 100;

    List<BlockedUser> listBlockedUsers(ListBlockedUsersQuery query);
}
