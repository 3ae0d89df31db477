package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * A page of a user's accepted friends, by first name then last name, each with how the caller stands toward them.
 * An unknown user has no friends: the answer is an empty list, not an error (as the old service answered).
 */
public interface ListFriendsOfUserUseCase {

    int MAX_LIMIT = 100;

    List<UserSummary> listFriendsOfUser(ListFriendsOfUserQuery query);
}
