package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.fake.InMemoryUserSearchRepository;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;

/** The application's in-memory fake holds to the same contract as the database, so service tests can trust it. */
class InMemoryUserSearchRepositoryTest extends UserSearchRepositoryContract {

    private static final Instant AT = Instant.parse("2024-02-01T10:00:00Z");

    private InMemoryUserRepository users;
    private InMemoryFriendshipRepository friendships;
    private InMemoryUserSearchRepository search;

    @Override
    protected UserSearchRepository search() {
        return search;
    }

    @Override
    protected void clear() {
        users = new InMemoryUserRepository();
        friendships = new InMemoryFriendshipRepository(users);
        search = new InMemoryUserSearchRepository(users, friendships);
    }

    @Override
    protected void store(User user) {
        users.insert(user);
    }

    @Override
    protected void befriend(String requester, String addressee, boolean accepted) {
        Friendship request = Friendship.request(UserId.of(requester), UserId.of(addressee), AT);
        friendships.insert(accepted ? request.acceptBy(UserId.of(addressee), AT) : request);
    }
}
