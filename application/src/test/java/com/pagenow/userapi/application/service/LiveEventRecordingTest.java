package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryIdempotencyKeyRepository;
import com.pagenow.userapi.application.fake.InMemoryLiveEventOutbox;
import com.pagenow.userapi.application.fake.InMemoryShareNotificationRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which changes tell whom, and that each event is recorded inside the change's transaction. */
class LiveEventRecordingTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00.123456Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
    private final InMemoryShareNotificationRepository shares =
            new InMemoryShareNotificationRepository(users, transactions);
    private final InMemoryLiveEventOutbox events = new InMemoryLiveEventOutbox();
    private final LiveEventOutbox inTransactionOnly = event -> {
        assertThat(transactions.isActive())
                .as("recorded inside the change's transaction")
                .isTrue();
        events.record(event);
    };
    private final FriendshipService friendshipService =
            new FriendshipService(users, friendships, friendships.blocks(), transactions, clock, inTransactionOnly);
    private final ShareNotificationService shareService = new ShareNotificationService(
            users, friendships, shares, new InMemoryIdempotencyKeyRepository(), transactions, clock, inTransactionOnly);

    @BeforeEach
    void users() {
        users.insert(aUser("alice").build());
        users.insert(aUser("bob").build());
        users.insert(aUser("carol").build());
    }

    @Test
    void aFriendRequestTellsTheAddresseeWhoAskedAndWhen() {
        friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(ALICE), "bob"));

        assertThat(events.of(BOB)).singleElement().isEqualTo(new StreamedEvent.FriendRequest(1, ALICE, START));
        assertThat(events.of(ALICE)).isEmpty();
    }

    @Test
    void anAcceptTellsTheRequesterWhoAccepted() {
        friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(ALICE), "bob"));
        friendshipService.acceptFriendRequest(AcceptFriendRequestCommand.of(caller(BOB), "alice"));

        assertThat(events.of(ALICE)).singleElement().isEqualTo(new StreamedEvent.FriendAccept(1, BOB, START));
    }

    @Test
    void aRejectedRequestDeclinesAndRemovalsTellNobody() {
        friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(ALICE), "bob"));
        assertThatThrownBy(() -> friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(BOB), "alice")))
                .isInstanceOf(ConflictException.class);
        friendshipService.declineFriendRequest(DeclineFriendRequestCommand.of(caller(BOB), "alice"));
        friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(ALICE), "bob"));
        friendshipService.removeFriendship(RemoveFriendshipCommand.of(caller(ALICE), "alice", "bob"));

        assertThat(events.size()).isEqualTo(2);
    }

    @Test
    void aShareToAllFriendsTellsEachFriendOnceAndASharePersonallyOnlyItsRecipient() {
        befriend(ALICE, BOB);
        befriend(CAROL, ALICE);
        int before = events.size();

        ShareEventId all =
                shareService.shareWithFriends(ShareWithFriendsCommand.of(caller(ALICE), "https://example.com/a", "A"));
        ShareEventId personal = shareService.shareWithFriend(
                ShareWithFriendCommand.of(caller(ALICE), "https://example.com/b", "B", "carol"));

        assertThat(events.size() - before).isEqualTo(3);
        assertThat(events.of(BOB))
                .filteredOn(StreamedEvent.Share.class::isInstance)
                .extracting(event -> ((StreamedEvent.Share) event).share().eventId())
                .containsExactly(all);
        assertThat(events.of(CAROL))
                .filteredOn(StreamedEvent.Share.class::isInstance)
                .extracting(event -> ((StreamedEvent.Share) event).share().eventId())
                .containsExactly(all, personal);
        assertThat(events.of(ALICE)).noneMatch(StreamedEvent.Share.class::isInstance);
    }

    @Test
    void aRefusedShareRecordsNothing() {
        int before = events.size();
        assertThatThrownBy(() -> shareService.shareWithFriend(
                        ShareWithFriendCommand.of(caller(ALICE), "https://example.com/b", "B", "carol")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(events.size()).isEqualTo(before);
    }

    @Test
    void eachRecipientStreamCountsOnItsOwn() {
        events.record(new LiveEvent.FriendRequested(BOB, ALICE, START));
        events.record(new LiveEvent.FriendRequested(BOB, CAROL, START));
        events.record(new LiveEvent.FriendRequested(CAROL, ALICE, START));
        assertThat(events.of(BOB)).extracting(StreamedEvent::id).containsExactly(1L, 2L);
        assertThat(events.of(CAROL)).extracting(StreamedEvent::id).containsExactly(1L);
    }

    private void befriend(UserId requester, UserId addressee) {
        friendshipService.sendFriendRequest(SendFriendRequestCommand.of(caller(requester), addressee.value()));
        friendshipService.acceptFriendRequest(AcceptFriendRequestCommand.of(caller(addressee), requester.value()));
    }

    private static Caller caller(UserId id) {
        return new Caller(id, null);
    }
}
