package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.share.MarkSharesSeenCommand;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendUseCase;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsUseCase;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Sharing pages and marking received shares seen. A share reads the friendships and writes in one transaction,
 * which also records the request's idempotency key when it has one.
 */
public final class ShareNotificationService
        implements ShareWithFriendsUseCase, ShareWithFriendUseCase, MarkSharesSeenUseCase {

    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final ShareNotificationRepository shares;
    private final IdempotentShares idempotent;
    private final Clock clock;
    private final LiveEventOutbox liveEvents;

    /**
     * Each recipient's copy of a share is recorded in {@code liveEvents}, in the share's transaction
     * ({@link LiveEventOutbox#NONE} for an embedder that serves no event stream).
     *
     * @param users the profiles
     * @param friendships the accepted friends a share goes to
     * @param shares the stored shares
     * @param idempotencyKeys the keys that make a retried share answer the first
     * @param transactions runs a share in one transaction
     * @param clock the time of a share
     * @param liveEvents where each recipient's copy is recorded
     */
    public ShareNotificationService(
            UserRepository users,
            FriendshipRepository friendships,
            ShareNotificationRepository shares,
            IdempotencyKeyRepository idempotencyKeys,
            TransactionRunner transactions,
            Clock clock,
            LiveEventOutbox liveEvents) {
        this.users = Objects.requireNonNull(users);
        this.friendships = Objects.requireNonNull(friendships);
        this.shares = Objects.requireNonNull(shares);
        this.idempotent = new IdempotentShares(idempotencyKeys, transactions, clock);
        this.clock = Objects.requireNonNull(clock);
        this.liveEvents = Objects.requireNonNull(liveEvents);
    }

    @Override
    public ShareEventId shareWithFriends(ShareWithFriendsCommand command) {
        UserId sender = command.caller().userId();
        return idempotent.run(
                sender,
                command.key(),
                () -> {
                    Set<UserId> friends = friendships.acceptedFriendIds(sender);
                    // Someone with friends has a profile; only without any must the event's foreign key be checked
                    // first.
                    if (friends.isEmpty() && !users.exists(sender)) {
                        throw User.notFound();
                    }
                    return store(ShareNotification.toAllFriends(
                            sender, friends, command.pageUrl(), command.pageTitle(), Timestamps.now(clock)));
                },
                "share",
                command.pageUrl().value(),
                command.pageTitle().value());
    }

    @Override
    public ShareEventId shareWithFriend(ShareWithFriendCommand command) {
        UserId sender = command.caller().userId();
        UserId recipient = command.recipient();
        return idempotent.run(
                sender,
                command.key(),
                () -> store(ShareNotification.toFriend(
                        sender,
                        recipient,
                        friendships.findBetween(sender, recipient),
                        command.pageUrl(),
                        command.pageTitle(),
                        Timestamps.now(clock))),
                "personal",
                command.pageUrl().value(),
                command.pageTitle().value(),
                recipient.value());
    }

    /** The share and its live events, in the caller's transaction. */
    private ShareEventId store(ShareNotification share) {
        ShareEventId eventId = shares.insert(share);
        liveEvents.record(LiveEvent.Shared.of(eventId, share));
        return eventId;
    }

    @Override
    public void markSharesSeen(MarkSharesSeenCommand command) {
        Set<ShareEventId> events = command.events();
        if (events.isEmpty()) {
            return;
        }
        shares.markSeen(command.caller().userId(), events, Timestamps.now(clock));
    }
}
