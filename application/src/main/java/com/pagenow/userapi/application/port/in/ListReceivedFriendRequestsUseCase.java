package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.FriendRequest;

import java.util.List;

/** The pending requests the caller received, newest first. */
public interface ListReceivedFriendRequestsUseCase {

    List<FriendRequest> listReceivedFriendRequests(Caller caller);
}
