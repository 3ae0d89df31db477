package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.SendFriendRequestUseCase;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.util.Objects;

/** The friendship changes: ask, accept, decline, remove. Each reads and writes in one transaction. */
public final class FriendshipService implements SendFriendRequestUseCase, AcceptFriendRequestUseCase,
        DeclineFriendRequestUseCase, RemoveFriendshipUseCase {

    static final String NO_PENDING_REQUEST = "No pending friend request from this user";
    static final String NO_FRIENDSHIP = "Friendship not found";

    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final LiveEventOutbox liveEvents;

    /** Without live events (an embedder that serves no event stream). */
    public FriendshipService(UserRepository users, FriendshipRepository friendships, TransactionRunner transactions,
                             Clock clock) {
        this(users, friendships, transactions, clock, LiveEventOutbox.NONE);
    }

    /** Requests and accepts are recorded in {@code liveEvents}, in the transaction of the change. */
    public FriendshipService(UserRepository users, FriendshipRepository friendships, TransactionRunner transactions,
                             Clock clock, LiveEventOutbox liveEvents) {
        this.users = Objects.requireNonNull(users);
        this.friendships = Objects.requireNonNull(friendships);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.liveEvents = Objects.requireNonNull(liveEvents);
    }

    @Override
    public Friendship sendFriendRequest(SendFriendRequestCommand command) {
        UserId requester = command.caller().userId();
        UserId addressee = command.addressee();
        return transactions.inTransaction(() -> {
            // Both rows are foreign-key targets: a missing profile is a 404, not a database error.
            if (!users.exists(addressee) || !users.exists(requester)) {
                throw new NotFoundException(UserProfileService.USER_NOT_FOUND);
            }
            if (friendships.findBetween(requester, addressee).isPresent()) {
                throw new ConflictException("A friendship or friend request between these users already exists");
            }
            Friendship request = Friendship.request(requester, addressee, Timestamps.now(clock));
            friendships.insert(request);
            liveEvents.record(LiveEvent.FriendRequested.of(request));
            return request;
        });
    }

    @Override
    public Friendship acceptFriendRequest(AcceptFriendRequestCommand command) {
        UserId caller = command.caller().userId();
        UserId requester = command.requester();
        return transactions.inTransaction(() -> {
            Friendship pending = pendingRequest(requester, caller);
            Friendship accepted = pending.acceptBy(caller, Timestamps.now(clock));
            friendships.markAccepted(accepted);
            liveEvents.record(LiveEvent.FriendAccepted.of(accepted));
            return accepted;
        });
    }

    @Override
    public void declineFriendRequest(DeclineFriendRequestCommand command) {
        UserId caller = command.caller().userId();
        UserId requester = command.requester();
        transactions.inTransaction(() -> {
            Friendship pending = pendingRequest(requester, caller);
            pending.checkDeclinableBy(caller);
            friendships.delete(pending);
        });
    }

    @Override
    public void removeFriendship(RemoveFriendshipCommand command) {
        UserId caller = command.caller().userId();
        UserId first = command.first();
        UserId second = command.second();
        // Checked before looking anything up, so a stranger learns nothing about whether the two are related.
        if (!caller.equals(first) && !caller.equals(second)) {
            throw new ForbiddenException("Only the two users of a friendship can remove it");
        }
        transactions.inTransaction(() -> {
            Friendship existing = friendships.findBetween(first, second)
                    .orElseThrow(() -> new NotFoundException(NO_FRIENDSHIP));
            existing.checkRemovableBy(caller);
            friendships.delete(existing);
        });
    }

    private Friendship pendingRequest(UserId requester, UserId addressee) {
        return friendships.findBetween(requester, addressee)
                .filter(found -> found.requester().equals(requester) && found.isPending())
                .orElseThrow(() -> new NotFoundException(NO_PENDING_REQUEST));
    }
}
