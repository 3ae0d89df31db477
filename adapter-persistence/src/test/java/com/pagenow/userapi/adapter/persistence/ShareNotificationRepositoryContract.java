package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.registered;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ShareNotificationRepository} (with its {@link TransactionRunner}) must do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShareNotificationRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final PageUrl URL = PageUrl.of("https://example.com/article?id=1");
    private static final PageTitle TITLE = PageTitle.of("An article");

    protected abstract UserRepository users();

    protected abstract ShareNotificationRepository shares();

    protected abstract TransactionRunner transactions();

    @Test
    void everyRecipientReceivesTheShareUnseenWithTheSendersBasics() {
        User sender = stored(user(newId("sender")));
        UserId bob = stored(registered(newId("bob"), T0)).id();
        UserId dave = stored(registered(newId("dave"), T0)).id();

        ShareEventId event = insert(ShareNotification.toAllFriends(sender.id(), Set.of(bob, dave), URL, TITLE, T0));

        ReceivedShare expected = new ReceivedShare(event, basics(sender), T0, URL.value(), TITLE.value(), null);
        assertThat(shares().receivedBy(bob, SeenFilter.ALL)).containsExactly(expected);
        assertThat(shares().receivedBy(dave, SeenFilter.UNSEEN)).containsExactly(expected);
        assertThat(shares().receivedBy(sender.id(), SeenFilter.ALL)).isEmpty();
    }

    @Test
    void eachShareGetsItsOwnEventId() {
        UserId sender = stored(registered(newId("sender"), T0)).id();

        ShareEventId first = insert(ShareNotification.toAllFriends(sender, Set.of(), URL, TITLE, T0));
        ShareEventId second = insert(ShareNotification.toAllFriends(sender, Set.of(), URL, TITLE, T0));

        assertThat(first).isNotEqualTo(second);
        assertThat(first.value().version()).isEqualTo(4);
    }

    @Test
    void receivedSharesAreNewestFirst() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        UserId carol = stored(registered(newId("carol"), T0)).id();
        UserId bob = stored(registered(newId("bob"), T0)).id();

        ShareEventId oldest = insert(ShareNotification.toAllFriends(alice, Set.of(bob), URL, TITLE, T0));
        ShareEventId newest =
                insert(ShareNotification.toAllFriends(carol, Set.of(bob), URL, TITLE, T0.plus(Duration.ofHours(2))));
        ShareEventId middle =
                insert(ShareNotification.toAllFriends(alice, Set.of(bob), URL, TITLE, T0.plus(Duration.ofHours(1))));

        assertThat(shares().receivedBy(bob, SeenFilter.ALL))
                .extracting(ReceivedShare::eventId)
                .containsExactly(newest, middle, oldest);
    }

    @Test
    void readFilterSplitsSeenFromUnseen() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        UserId bob = stored(registered(newId("bob"), T0)).id();
        ShareEventId first = insert(ShareNotification.toAllFriends(alice, Set.of(bob), URL, TITLE, T0));
        ShareEventId second = insert(ShareNotification.toAllFriends(alice, Set.of(bob), URL, TITLE, T0.plusSeconds(1)));

        shares().markSeen(bob, Set.of(first), T0.plusSeconds(5));

        assertThat(shares().receivedBy(bob, SeenFilter.SEEN))
                .extracting(ReceivedShare::eventId)
                .containsExactly(first);
        assertThat(shares().receivedBy(bob, SeenFilter.UNSEEN))
                .extracting(ReceivedShare::eventId)
                .containsExactly(second);
        assertThat(shares().receivedBy(bob, SeenFilter.ALL))
                .extracting(ReceivedShare::eventId)
                .containsExactly(second, first);
    }

    @Test
    void markingSeenChangesOnlyTheCallersUnseenCopies() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        UserId bob = stored(registered(newId("bob"), T0)).id();
        UserId dave = stored(registered(newId("dave"), T0)).id();
        ShareEventId event = insert(ShareNotification.toAllFriends(alice, Set.of(bob, dave), URL, TITLE, T0));
        ShareEventId unknown = ShareEventId.of(UUID.randomUUID());
        Instant firstSeen = T0.plus(Duration.ofMinutes(3));

        assertThat(shares().markSeen(bob, Set.of(event, unknown), firstSeen)).isEqualTo(1);
        assertThat(shares().markSeen(bob, Set.of(event), firstSeen.plus(Duration.ofDays(1))))
                .isZero();
        assertThat(shares().markSeen(alice, Set.of(event), firstSeen)).isZero();

        assertThat(shares().receivedBy(bob, SeenFilter.ALL))
                .singleElement()
                .satisfies(copy -> assertThat(copy.seenAt()).isEqualTo(firstSeen));
        assertThat(shares().receivedBy(dave, SeenFilter.ALL))
                .singleElement()
                .satisfies(copy -> assertThat(copy.seenAt()).isNull());
    }

    @Test
    void markingNothingChangesNothing() {
        assertThat(shares().markSeen(newId("nobody"), Set.of(), T0)).isZero();
    }

    @Test
    void sentSharesCountTheRecipientsWhoHaveNotSeenThem() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        UserId bob = stored(registered(newId("bob"), T0)).id();
        UserId dave = stored(registered(newId("dave"), T0)).id();
        ShareEventId toAll = insert(ShareNotification.toAllFriends(alice, Set.of(bob, dave), URL, TITLE, T0));

        assertThat(notSeenCount(alice, toAll)).isEqualTo(2);
        shares().markSeen(bob, Set.of(toAll), T0.plusSeconds(1));
        assertThat(notSeenCount(alice, toAll)).isEqualTo(1);
        shares().markSeen(dave, Set.of(toAll), T0.plusSeconds(2));
        assertThat(notSeenCount(alice, toAll)).isZero();
    }

    @Test
    void aShareThatReachedNobodyHasNothingUnseen() {
        UserId loner = stored(registered(newId("loner"), T0)).id();

        ShareEventId event = insert(ShareNotification.toAllFriends(loner, Set.of(), URL, TITLE, T0));

        assertThat(shares().sentBy(loner, PageRequest.of(10, 0)))
                .containsExactly(new SentShare(event, URL.value(), TITLE.value(), T0, null, 0));
    }

    @Test
    void personalShareNamesItsRecipientInTheSentList() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        User bob = stored(user(newId("bob")));
        UserId dave = stored(registered(newId("dave"), T0)).id();
        ShareEventId toAll = insert(ShareNotification.toAllFriends(alice, Set.of(bob.id(), dave), URL, TITLE, T0));
        ShareNotification personal =
                new ShareNotification(alice, URL, TITLE, T0.plusSeconds(60), bob.id(), Set.of(bob.id()));
        ShareEventId toBob = insert(personal);

        assertThat(shares().sentBy(alice, PageRequest.of(10, 0)))
                .containsExactly(
                        new SentShare(toBob, URL.value(), TITLE.value(), T0.plusSeconds(60), basics(bob), 1),
                        new SentShare(toAll, URL.value(), TITLE.value(), T0, null, 2));
        assertThat(shares().receivedBy(dave, SeenFilter.ALL))
                .extracting(ReceivedShare::eventId)
                .containsExactly(toAll);
    }

    @Test
    void sentSharesArePagedNewestFirst() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        List<ShareEventId> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(insert(
                    ShareNotification.toAllFriends(alice, Set.of(), URL, TITLE, T0.plus(Duration.ofMinutes(i)))));
        }
        Collections.reverse(newestFirst);

        assertThat(shares().sentBy(alice, PageRequest.of(2, 1)))
                .extracting(SentShare::eventId)
                .containsExactly(newestFirst.get(1), newestFirst.get(2));
        assertThat(shares().sentBy(alice, PageRequest.of(10, 4)))
                .extracting(SentShare::eventId)
                .containsExactly(newestFirst.get(4));
        assertThat(shares().sentBy(alice, PageRequest.of(10, 5))).isEmpty();
        assertThat(shares().sentBy(newId("nobody"), PageRequest.of(10, 0))).isEmpty();
    }

    @Test
    void longestUrlAndTitleAreStoredExactly() {
        UserId alice = stored(registered(newId("alice"), T0)).id();
        UserId bob = stored(registered(newId("bob"), T0)).id();
        String prefix = "https://서울.kr/검색?q=a|b&x={1}#";
        PageUrl url = PageUrl.of(prefix + "u".repeat(PageUrl.MAX_LENGTH - prefix.length()));
        PageTitle title = PageTitle.of(
                "\uD83D\uDCDA Jürgen's \"notes\" \\ 'quoted' ".repeat(15).substring(0, 400));

        insert(ShareNotification.toAllFriends(alice, Set.of(bob), url, title, T0));

        assertThat(shares().receivedBy(bob, SeenFilter.ALL)).singleElement().satisfies(copy -> {
            assertThat(copy.url()).isEqualTo(url.value());
            assertThat(copy.title()).isEqualTo(title.value());
        });
    }

    private ShareEventId insert(ShareNotification share) {
        return transactions().inTransaction(() -> shares().insert(share));
    }

    private long notSeenCount(UserId sender, ShareEventId event) {
        return shares().sentBy(sender, PageRequest.of(100, 0)).stream()
                .filter(share -> share.eventId().equals(event))
                .findFirst()
                .orElseThrow()
                .notSeenCount();
    }

    private User stored(User user) {
        users().insert(user);
        return user;
    }

    private static UserBasics basics(User user) {
        return new UserBasics(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.profileImage().extension());
    }
}
