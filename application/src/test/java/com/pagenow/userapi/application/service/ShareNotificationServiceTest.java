package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryIdempotencyKeyRepository;
import com.pagenow.userapi.application.fake.InMemoryShareNotificationRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.share.ListReceivedSharesQuery;
import com.pagenow.userapi.application.port.in.share.ListSentSharesQuery;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.notification.ShareDelivery;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.DomainName;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareNotificationServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00.123456789Z");
    private static final String URL = "https://example.com/article";
    private static final String TITLE = "An article";

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
    private final InMemoryShareNotificationRepository shares =
            new InMemoryShareNotificationRepository(users, transactions);
    private final ShareNotificationService service = new ShareNotificationService(
            users,
            friendships,
            shares,
            new InMemoryIdempotencyKeyRepository(),
            transactions,
            clock,
            LiveEventOutbox.NONE);
    private final ShareNotificationQueryService queries = new ShareNotificationQueryService(shares);

    @BeforeEach
    void registerUsersAndFriendships() {
        users.insert(aUser("alice")
                .withName("Alice", "Kim")
                .withProfileImage(START, "png")
                .build());
        users.insert(aUser("bob")
                .withName("Bob", "Lee")
                .withProfileImage(START, "jpg")
                .build());
        users.insert(aUser("carol").withName("Carol", "Park").build());
        users.insert(aUser("dave").withName("Dave", "Choi").build());
        users.insert(aUser("erin").withName("Erin", "Han").build());
        befriend("alice", "bob");
        befriend("dave", "alice");
        transactions.inTransaction(() -> friendships.insert(Friendship.request(id("alice"), id("carol"), START)));
    }

    @Nested
    class ShareWithFriends {

        @Test
        void everyAcceptedFriendGetsAnUnseenCopyWhicheverSideAsked() {
            ShareEventId event = shareWithFriends("alice");

            assertThat(shares.allEvents()).singleElement().satisfies(stored -> {
                assertThat(stored.id()).isEqualTo(event);
                assertThat(stored.share().sender()).isEqualTo(id("alice"));
                assertThat(stored.share().url().value()).isEqualTo(URL);
                assertThat(stored.share().title().value()).isEqualTo(TITLE);
                assertThat(stored.share().sentTo()).isNull();
            });
            assertThat(shares.allDeliveries())
                    .containsExactlyInAnyOrder(
                            ShareDelivery.unseen(event, id("bob")), ShareDelivery.unseen(event, id("dave")));
        }

        @Test
        void pendingRequestsAndStrangersGetNothing() {
            shareWithFriends("alice");

            assertThat(received("carol", null)).isEmpty();
            assertThat(received("erin", null)).isEmpty();
        }

        @Test
        void eventAndCopiesAreWrittenInOneTransaction() {
            int before = transactions.started();

            shareWithFriends("alice");

            assertThat(transactions.started()).isEqualTo(before + 1);
        }

        @Test
        void sendTimeIsTheClockInMicroseconds() {
            shareWithFriends("alice");

            assertThat(shares.allEvents().get(0).share().sentAt())
                    .isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        }

        @Test
        void onlyCurrentFriendsGetIt() {
            shareWithFriends("alice");
            befriendPending("carol", "alice");

            ShareEventId later = shareWithFriends("alice");

            assertThat(received("carol", null))
                    .extracting(ReceivedShare::eventId)
                    .containsExactly(later);
        }

        @Test
        void aShareWithoutFriendsIsStoredAndReachesNobody() {
            ShareEventId event = shareWithFriends("erin");

            assertThat(shares.allEvents()).extracting(e -> e.id()).containsExactly(event);
            assertThat(shares.allDeliveries()).isEmpty();
            assertThat(sent("erin", 10, 0))
                    .singleElement()
                    .satisfies(share -> assertThat(share.notSeenCount()).isZero());
        }

        @Test
        void sharingBeforeRegisteringIsNotFound() {
            assertThatThrownBy(() -> shareWithFriends("newcomer"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("User not found");
            assertThat(shares.allEvents()).isEmpty();
        }

        @Test
        void urlMustBeAnAbsoluteHttpAddress() {
            assertThatThrownBy(() -> ShareWithFriendsCommand.of(caller("alice"), "ftp://example.com/x", TITLE))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("url"));
            assertThatThrownBy(() -> ShareWithFriendsCommand.of(
                            caller("alice"), "https://example.com/" + "a".repeat(2049), TITLE))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("url"));
        }

        @Test
        void titleMustBeAtMost500Characters() {
            assertThatThrownBy(() -> ShareWithFriendsCommand.of(caller("alice"), URL, "t".repeat(501)))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));
        }

        @Test
        void missingUrlAndTitleAreViolationsNamingTheFields() {
            assertThatThrownBy(() -> ShareWithFriendsCommand.of(caller("alice"), null, null))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.getConstraintViolations())
                                    .extracting(v -> v.getPropertyPath().toString())
                                    .containsExactlyInAnyOrder("url", "title"));
        }
    }

    @Nested
    class ShareWithFriend {

        @Test
        void onlyTheNamedFriendGetsACopy() {
            ShareEventId event = shareWithFriend("alice", "dave");

            assertThat(shares.allEvents())
                    .singleElement()
                    .satisfies(stored -> assertThat(stored.share().sentTo()).isEqualTo(id("dave")));
            assertThat(shares.allDeliveries()).containsExactly(ShareDelivery.unseen(event, id("dave")));
            assertThat(received("bob", null)).isEmpty();
            assertThat(transactions.started()).isEqualTo(4);
        }

        @Test
        void strangersPendingRequestsUnknownUsersAndOneselfAreForbidden() {
            for (String recipient : List.of("erin", "carol", "nobody", "alice")) {
                assertThatThrownBy(() -> shareWithFriend("alice", recipient))
                        .isInstanceOf(ForbiddenException.class)
                        .hasMessage("You can only share with your friends");
            }
            assertThat(shares.allEvents()).isEmpty();
        }

        @Test
        void malformedOrMissingRecipientIsInvalid() {
            assertThatThrownBy(() -> ShareWithFriendCommand.of(caller("alice"), URL, TITLE, " "))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("sent_to"));
            assertThatThrownBy(() -> ShareWithFriendCommand.of(caller("alice"), URL, TITLE, null))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.getConstraintViolations())
                                    .singleElement()
                                    .satisfies(
                                            v -> assertThat(v.getPropertyPath()).hasToString("sentTo")));
        }

        @Test
        void personalShareChecksUrlAndTitleToo() {
            assertThatThrownBy(() -> ShareWithFriendCommand.of(caller("alice"), "example.com", TITLE, "bob"))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("url"));
            assertThatThrownBy(() -> ShareWithFriendCommand.of(caller("alice"), URL, "t".repeat(501), "bob"))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));
        }
    }

    @Nested
    class ReceivedShares {

        @Test
        void newestFirstWithTheSendersNameAndImage() {
            ShareEventId fromAlice = shareWithFriends("alice");
            clock.advance(Duration.ofMinutes(1));
            befriend("bob", "carol");
            ShareEventId fromCarol = shareWithFriend("carol", "bob");

            List<ReceivedShare> received = received("bob", null);

            assertThat(received).extracting(ReceivedShare::eventId).containsExactly(fromCarol, fromAlice);
            assertThat(received.get(1))
                    .isEqualTo(new ReceivedShare(
                            fromAlice,
                            new UserBasics(id("alice"), PersonName.of("Alice"), PersonName.of("Kim"), "png"),
                            Instant.parse("2024-03-01T10:00:00.123456Z"),
                            URL,
                            TITLE,
                            null));
            assertThat(received.get(0).sender().profileImageExtension()).isNull();
        }

        @Test
        void readFilterSplitsSeenFromUnseen() {
            ShareEventId first = shareWithFriends("alice");
            clock.advance(Duration.ofMinutes(1));
            ShareEventId second = shareWithFriends("alice");
            markSeen("bob", first.toString());

            assertThat(received("bob", true)).extracting(ReceivedShare::eventId).containsExactly(first);
            assertThat(received("bob", false))
                    .extracting(ReceivedShare::eventId)
                    .containsExactly(second);
            assertThat(received("bob", null)).extracting(ReceivedShare::eventId).containsExactly(second, first);
            assertThat(received("dave", true)).isEmpty();
        }

        @Test
        void senderDoesNotReceiveTheirOwnShare() {
            shareWithFriends("alice");

            assertThat(received("alice", null)).isEmpty();
        }
    }

    @Nested
    class SentShares {

        @Test
        void notSeenCountGoesDownToZeroAsFriendsReadIt() {
            ShareEventId event = shareWithFriends("alice");
            assertThat(sent("alice", 10, 0))
                    .singleElement()
                    .satisfies(share -> assertThat(share.notSeenCount()).isEqualTo(2));

            markSeen("bob", event.toString());
            assertThat(sent("alice", 10, 0).get(0).notSeenCount()).isEqualTo(1);

            markSeen("dave", event.toString());
            assertThat(sent("alice", 10, 0).get(0).notSeenCount()).isZero();
        }

        @Test
        void personalShareNamesItsRecipientAndShareToAllDoesNot() {
            ShareEventId toAll = shareWithFriends("alice");
            clock.advance(Duration.ofSeconds(1));
            ShareEventId toBob = shareWithFriend("alice", "bob");

            List<SentShare> sent = sent("alice", 10, 0);

            assertThat(sent).extracting(SentShare::eventId).containsExactly(toBob, toAll);
            assertThat(sent.get(0))
                    .isEqualTo(new SentShare(
                            toBob,
                            URL,
                            TITLE,
                            Instant.parse("2024-03-01T10:00:01.123456Z"),
                            new UserBasics(id("bob"), PersonName.of("Bob"), PersonName.of("Lee"), "jpg"),
                            1));
            assertThat(sent.get(1).recipient()).isNull();
            assertThat(sent.get(1).notSeenCount()).isEqualTo(2);
        }

        @Test
        void pagesByLimitAndOffsetNewestFirst() {
            List<ShareEventId> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(shareWithFriends("alice"));
                clock.advance(Duration.ofSeconds(1));
            }
            Collections.reverse(events);

            assertThat(sent("alice", 2, 1))
                    .extracting(SentShare::eventId)
                    .containsExactly(events.get(1), events.get(2));
            assertThat(sent("alice", 0, 0)).isEmpty();
            assertThat(sent("bob", 10, 0)).isEmpty();
        }

        @Test
        void limitIsClampedTo100() {
            assertThat(new ListSentSharesQuery(caller("alice"), PageRequest.of(1000, 5)).page())
                    .isEqualTo(PageRequest.of(100, 5));
        }
    }

    @Nested
    class MarkSeen {

        @Test
        void onlyTheCallersCopyChanges() {
            ShareEventId event = shareWithFriends("alice");
            clock.advance(Duration.ofMinutes(5));

            markSeen("bob", event.toString());

            assertThat(received("bob", null).get(0).seenAt()).isEqualTo(Instant.parse("2024-03-01T10:05:00.123456Z"));
            assertThat(received("dave", null).get(0).seenAt()).isNull();
        }

        @Test
        void aCopySeenAgainKeepsItsFirstTime() {
            ShareEventId event = shareWithFriends("alice");
            markSeen("bob", event.toString());
            clock.advance(Duration.ofHours(1));

            markSeen("bob", event.toString(), event.toString().toUpperCase());

            assertThat(received("bob", null).get(0).seenAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        }

        @Test
        void unknownEventsAndOtherPeoplesEventsAreIgnored() {
            ShareEventId toDave = shareWithFriend("alice", "dave");

            markSeen("bob", UUID.randomUUID().toString(), toDave.toString());
            markSeen("alice", toDave.toString());

            assertThat(received("dave", false))
                    .extracting(ReceivedShare::eventId)
                    .containsExactly(toDave);
            assertThat(sent("alice", 10, 0).get(0).notSeenCount()).isEqualTo(1);
        }

        @Test
        void anEmptyListChangesNothing() {
            shareWithFriends("alice");

            markSeen("bob");

            assertThat(received("bob", false)).hasSize(1);
        }

        @Test
        void atMost500EventsPerCall() {
            List<String> ids = IntStream.range(0, 501)
                    .mapToObj(i -> UUID.randomUUID().toString())
                    .toList();

            assertThat(MarkSharesSeenCommand.of(caller("bob"), ids.subList(0, 500))
                            .events())
                    .hasSize(500);
            assertThatThrownBy(() -> MarkSharesSeenCommand.of(caller("bob"), ids))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.getConstraintViolations())
                                    .singleElement()
                                    .satisfies(
                                            v -> assertThat(v.getPropertyPath()).hasToString("eventIds")));
        }

        @Test
        void malformedIdIsInvalidNamingItsPosition() {
            assertThatThrownBy(() -> MarkSharesSeenCommand.of(
                            caller("bob"), List.of(UUID.randomUUID().toString(), "not-a-uuid")))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.field()).isEqualTo("event_ids[1]");
                        assertThat(e.getMessage()).isEqualTo("must be a UUID");
                    });
        }

        @Test
        void missingIdIsAViolation() {
            assertThatThrownBy(() -> MarkSharesSeenCommand.of(caller("bob"), Arrays.asList("x", null)))
                    .isInstanceOf(ConstraintViolationException.class);
            assertThatThrownBy(() -> MarkSharesSeenCommand.of(caller("bob"), null))
                    .isInstanceOf(ConstraintViolationException.class);
        }

        @Test
        void duplicateIdsCountOnce() {
            String id = UUID.randomUUID().toString();

            assertThat(MarkSharesSeenCommand.of(caller("bob"), List.of(id, id.toUpperCase()))
                            .events())
                    .hasSize(1);
        }
    }

    @Test
    void domainWarningsAreTheDomainsFixedList() {
        assertThat(new DomainShareWarningService().domainShareWarnings().keySet())
                .containsExactly(
                        DomainName.of("google.com"), DomainName.of("messenger.com"), DomainName.of("notion.so"));
    }

    private ShareEventId shareWithFriends(String from) {
        return service.shareWithFriends(ShareWithFriendsCommand.of(caller(from), URL, TITLE));
    }

    private ShareEventId shareWithFriend(String from, String to) {
        return service.shareWithFriend(ShareWithFriendCommand.of(caller(from), URL, TITLE, to));
    }

    private List<ReceivedShare> received(String by, Boolean isRead) {
        return queries.listReceivedShares(ListReceivedSharesQuery.of(caller(by), isRead));
    }

    private List<SentShare> sent(String by, int limit, int offset) {
        return queries.listSentShares(new ListSentSharesQuery(caller(by), PageRequest.of(limit, offset)));
    }

    private void markSeen(String by, String... eventIds) {
        service.markSharesSeen(MarkSharesSeenCommand.of(caller(by), List.of(eventIds)));
    }

    private void befriend(String requester, String addressee) {
        transactions.inTransaction(
                () -> friendships.insert(Friendship.reconstitute(id(requester), id(addressee), START, START)));
    }

    private void befriendPending(String requester, String addressee) {
        Friendship pending =
                friendships.findBetween(id(requester), id(addressee)).orElseThrow();
        transactions.inTransaction(() -> friendships.markAccepted(pending.acceptBy(pending.addressee(), START)));
    }

    private static Caller caller(String id) {
        return new Caller(id(id), Email.of(id + "@example.com"));
    }

    private static UserId id(String value) {
        return UserId.of(value);
    }
}
