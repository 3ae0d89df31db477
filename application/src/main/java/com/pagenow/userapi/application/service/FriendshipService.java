package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestUseCase;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipUseCase;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestUseCase;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.domain.friendship.BlockStatus;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The friendship changes: ask, accept, decline, remove. Each reads and writes in one transaction; a block forbids
 * asking.
 */
public final class FriendshipService
        implements SendFriendRequestUseCase,
                AcceptFriendRequestUseCase,
                DeclineFriendRequestUseCase,
                RemoveFriendshipUseCase {

    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final BlockRepository blocks;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final LiveEventOutbox liveEvents;

    /**
     * Without live events (an embedder that serves no event stream).
     *
     * @param users the profiles
     * @param friendships the relationships
     * @param blocks the blocks, which refuse a request
     * @param transactions runs each change in one transaction
     * @param clock the time of requests and acceptances
     */
    public FriendshipService(
            UserRepository users,
            FriendshipRepository friendships,
            BlockRepository blocks,
            TransactionRunner transactions,
            Clock clock) {
        this(users, friendships, blocks, transactions, clock, LiveEventOutbox.NONE);
    }

    /**
     * Requests and accepts are recorded in {@code liveEvents}, in the transaction of the change.
     *
     * @param users the profiles
     * @param friendships the relationships
     * @param blocks the blocks, which refuse a request
     * @param transactions runs each change in one transaction
     * @param clock the time of requests and acceptances
     * @param liveEvents where requests and accepts are recorded
     */
    public FriendshipService(
            UserRepository users,
            FriendshipRepository friendships,
            BlockRepository blocks,
            TransactionRunner transactions,
            Clock clock,
            LiveEventOutbox liveEvents) {
        this.users = Objects.requireNonNull(users);
        this.friendships = Objects.requireNonNull(friendships);
        this.blocks = Objects.requireNonNull(blocks);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
        this.liveEvents = Objects.requireNonNull(liveEvents);
    }

    @Override
    public Friendship sendFriendRequest(SendFriendRequestCommand command) {
        UserId requester = command.caller().userId();
        UserId addressee = command.addressee();
        return transactions.inTransaction(() -> {
            // A block of the pair, committed while this runs, cannot be missed: it waits for this, or this for it.
            blocks.lockPair(requester, addressee);
            // Both rows are foreign-key targets: a missing profile is a 404, not a database error.
            if (!users.exists(addressee) || !users.exists(requester)) {
                throw User.notFound();
            }
            BlockStatus status = blocks.between(requester, addressee);
            status.checkOtherKnown();
            status.checkMayAsk();
            if (friendships.findBetween(requester, addressee).isPresent()) {
                throw Friendship.alreadyRelated();
            }
            Friendship request = Friendship.request(requester, addressee, Timestamps.now(clock));
            friendships.insert(request);
            liveEvents.record(LiveEvent.FriendRequested.of(request));
            return request;
        });
    }

    @Override
    public Friendship acceptFriendRequest(AcceptFriendRequestCommand command) {
        return answerRequest(command.requester(), command.caller(), (pending, caller) -> {
            Friendship accepted = pending.acceptBy(caller, Timestamps.now(clock));
            friendships.markAccepted(accepted);
            liveEvents.record(LiveEvent.FriendAccepted.of(accepted));
            return accepted;
        });
    }

    @Override
    public void declineFriendRequest(DeclineFriendRequestCommand command) {
        answerRequest(command.requester(), command.caller(), (pending, caller) -> {
            pending.checkDeclinableBy(caller);
            friendships.delete(pending);
            return null;
        });
    }

    @Override
    public void removeFriendship(RemoveFriendshipCommand command) {
        UserId caller = command.caller().userId();
        UserId first = command.first();
        UserId second = command.second();
        Friendship.requireRemovableBy(caller, first, second);
        transactions.inTransaction(() -> {
            Friendship existing = friendships.findBetween(first, second).orElseThrow(Friendship::notFound);
            friendships.delete(existing);
        });
    }

    /** The relationship the caller would accept or decline; whether it is a pending request to them is its rule. */
    /**
     * {@code answer} to the request between {@code requester} and the caller, given the caller's id, in one
     * transaction with the read that found it.
     */
    private <T> T answerRequest(UserId requester, Caller caller, BiFunction<Friendship, UserId, T> answer) {
        UserId addressee = caller.userId();
        return transactions.inTransaction(() -> answer.apply(
                friendships.findBetween(requester, addressee).orElseThrow(Friendship::noPendingRequest), addressee));
    }
}
