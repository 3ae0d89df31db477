package com.pagenow.userapi.application.port.in.block;

import com.pagenow.userapi.application.readmodel.BlockedUser;

import java.util.List;

/** The users the caller blocks, newest block first. */
public interface ListBlockedUsersUseCase {

    /** The page size when the client gives none. */
    int DEFAULT_LIMIT = 15;
    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 100;

    /**
     * Lists a page of the caller's blocks.
     *
     * @param query the caller and the page
     * @return the blocked users, newest block first
     */
    List<BlockedUser> listBlockedUsers(ListBlockedUsersQuery query);
}
