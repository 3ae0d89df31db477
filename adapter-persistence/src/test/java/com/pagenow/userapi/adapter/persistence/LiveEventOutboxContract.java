package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.LiveEventFeed;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the outbox must do on every database: ids per recipient stream, reading back, rollback, purge. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveEventOutboxContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");

    protected abstract Persistence persistence();

    private LiveEventOutbox outbox() {
        return persistence().liveEventOutbox();
    }

    private LiveEventFeed feed() {
        return persistence().liveEventFeed();
    }

    private TransactionRunner transactions() {
        return persistence().transactions();
    }

    @Test
    void eachRecipientStreamNumbersItsEventsFromOne() {
        UserId ann = newId("ann");
        UserId ben = newId("ben");
        UserId asker = newId("asker");
        UserId accepter = newId("accepter");

        record(new LiveEvent.FriendRequested(ann, asker, T0));
        record(new LiveEvent.FriendRequested(ben, asker, T0));
        record(new LiveEvent.FriendAccepted(ann, accepter, T0.plusSeconds(1)));

        assertThat(feed().after(ann, 0, 10))
                .containsExactly(
                        new StreamedEvent.FriendRequest(1, asker, T0),
                        new StreamedEvent.FriendAccept(2, accepter, T0.plusSeconds(1)));
        assertThat(feed().after(ann, 1, 10)).extracting(StreamedEvent::id).containsExactly(2L);
        assertThat(feed().after(ben, 0, 10)).extracting(StreamedEvent::id).containsExactly(1L);
        assertThat(feed().latestId(ann)).isEqualTo(2);
        assertThat(feed().latestId(newId("nobody"))).isZero();
    }

    @Test
    void aShareReadsBackAsTheRecipientsUnseenCopyWithTheSendersBasics() {
        UserRepository users = persistence().users();
        ShareNotificationRepository shares = persistence().shareNotifications();
        User sender = user(newId("sender"));
        User first = user(newId("first"));
        User second = user(newId("second"));
        users.insert(sender);
        users.insert(first);
        users.insert(second);
        ShareNotification share = ShareNotification.toAllFriends(
                sender.id(),
                Set.of(first.id(), second.id()),
                PageUrl.of("https://example.com/a"),
                PageTitle.of("A page"),
                T0);

        ShareEventId eventId = transactions().inTransaction(() -> {
            ShareEventId id = shares.insert(share);
            outbox().record(LiveEvent.Shared.of(id, share));
            return id;
        });

        ReceivedShare expected = new ReceivedShare(
                eventId,
                new UserBasics(
                        sender.id(),
                        sender.firstName(),
                        sender.lastName(),
                        sender.profileImage().extension()),
                T0,
                "https://example.com/a",
                "A page",
                null);
        assertThat(feed().after(first.id(), 0, 10)).containsExactly(new StreamedEvent.Share(1, expected));
        assertThat(feed().after(second.id(), 0, 10)).containsExactly(new StreamedEvent.Share(1, expected));
        assertThat(feed().after(sender.id(), 0, 10)).isEmpty();
    }

    @Test
    void aShareToManyFriendsIsRecordedForEachOfThem() {
        Set<UserId> friends = new HashSet<>();
        IntStream.range(0, 1_500).forEach(i -> friends.add(newId("many")));
        record(new LiveEvent.Shared(ShareEventId.of(java.util.UUID.randomUUID()), newId("sender"), T0, friends));
        assertThat(friends)
                .allSatisfy(friend -> assertThat(feed().latestId(friend)).isEqualTo(1));
    }

    @Test
    void anEventOfARolledBackTransactionIsNotKept() {
        UserId ann = newId("ann");
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    outbox().record(new LiveEvent.FriendRequested(ann, newId("asker"), T0));
                    throw new IllegalStateException("the change fails after its event was recorded");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(feed().after(ann, 0, 10)).isEmpty();
        assertThat(feed().latestId(ann)).isZero();
        record(new LiveEvent.FriendRequested(ann, newId("asker"), T0));
        assertThat(feed().after(ann, 0, 10)).extracting(StreamedEvent::id).containsExactly(1L);
    }

    @Test
    void purgeDeletesOldEventsInBatchesAndIdsAreNeverReused() {
        UserId ann = newId("ann");
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        IntStream.range(0, 5).forEach(i -> record(new LiveEvent.FriendRequested(ann, newId("old"), old)));
        record(new LiveEvent.FriendRequested(ann, newId("new"), T0));

        Instant cutoff = old.plus(Duration.ofDays(1));
        assertThat(feed().deleteOlderThan(cutoff, 3)).isEqualTo(3);
        assertThat(feed().deleteOlderThan(cutoff, 3)).isEqualTo(2);
        assertThat(feed().deleteOlderThan(cutoff, 3)).isZero();

        assertThat(feed().after(ann, 0, 10)).extracting(StreamedEvent::id).containsExactly(6L);
        record(new LiveEvent.FriendRequested(ann, newId("newer"), T0));
        assertThat(feed().latestId(ann)).isEqualTo(7);
    }

    @Test
    void readsArePagedInIdOrder() {
        UserId ann = newId("ann");
        IntStream.range(0, 12).forEach(i -> record(new LiveEvent.FriendRequested(ann, newId("u"), T0)));
        assertThat(feed().after(ann, 3, 5)).extracting(StreamedEvent::id).containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    private void record(LiveEvent event) {
        transactions().inTransaction(() -> outbox().record(event));
    }
}
