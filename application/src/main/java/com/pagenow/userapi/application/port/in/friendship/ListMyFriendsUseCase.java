package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/** Every accepted friend of the caller, by first name then last name, each with status friends. */
public interface ListMyFriendsUseCase {

    /**
     * Lists all of the caller's accepted friends.
     *
     * @param caller whose friends
     * @return the friends, by first then last name
     */
    List<UserSummary> listMyFriends(Caller caller);
}
