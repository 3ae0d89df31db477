package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;

/** Users and friendships written through the ports under test, for the friendship contracts. */
record FriendshipFixtures(UserRepository users, FriendshipRepository friendships, TransactionRunner transactions) {

    static final Instant REGISTERED_AT = Instant.parse("2024-03-01T10:00:00.123456Z");

    UserId person(String prefix, String first, String last) {
        UserId id = newId(prefix);
        store(id, first, last);
        return id;
    }

    void store(UserId id, String first, String last) {
        users.insert(User.register(
                id,
                Email.of(id.value() + "@example.com"),
                PersonName.of(first),
                PersonName.of(last),
                ProfileDetails.EMPTY,
                REGISTERED_AT));
    }

    void insert(Friendship friendship) {
        transactions.inTransaction(() -> friendships.insert(friendship));
    }

    /** A request from {@code requester} at {@code requestedAt}, accepted a minute later. */
    Friendship befriend(UserId requester, UserId addressee, Instant requestedAt) {
        Friendship pending = Friendship.request(requester, addressee, requestedAt);
        insert(pending);
        Friendship accepted = pending.acceptBy(addressee, requestedAt.plusSeconds(60));
        transactions.inTransaction(() -> friendships.markAccepted(accepted));
        return accepted;
    }
}
