package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.FriendRequest;

import java.util.List;

/** The pending requests the caller received, newest first. */
public interface ListReceivedFriendRequestsUseCase {

    /**
     * Lists the pending requests sent to the caller.
     *
     * @param caller who received them
     * @return the requests, newest first
     */
    List<FriendRequest> listReceivedFriendRequests(Caller caller);
}
