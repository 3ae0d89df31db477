package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryIdempotencyKeyRepository;
import com.pagenow.userapi.application.fake.InMemoryShareNotificationRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A share request with an Idempotency-Key: retried within 24 h it answers the first event and creates nothing. */
class IdempotentShareTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    private static final String URL = "https://example.com/article";
    private static final String TITLE = "An article";

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
    private final InMemoryShareNotificationRepository shares =
            new InMemoryShareNotificationRepository(users, transactions);
    private final InMemoryIdempotencyKeyRepository keys = new InMemoryIdempotencyKeyRepository();
    private final ShareNotificationService service =
            new ShareNotificationService(users, friendships, shares, keys, transactions, clock, LiveEventOutbox.NONE);

    @BeforeEach
    void aliceHasTwoFriends() {
        for (String user : new String[] {"alice", "bob", "carol", "erin"}) {
            users.insert(aUser(user).build());
        }
        transactions.inTransaction(() -> {
            friendships.insert(Friendship.reconstitute(id("alice"), id("bob"), START, START));
            friendships.insert(Friendship.reconstitute(id("carol"), id("alice"), START, START));
        });
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstEventAndNotifiesNobodyAgain() {
        ShareEventId first = share("alice", "key-1", URL, TITLE);
        clock.advance(Duration.ofMinutes(5));

        ShareEventId retried = share("alice", "key-1", URL, TITLE);

        assertThat(retried).isEqualTo(first);
        assertThat(shares.allEvents()).hasSize(1);
        assertThat(shares.allDeliveries()).hasSize(2);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void personalSharesAreKeyedTheSameWay() {
        ShareEventId first = personal("alice", "k", "bob");

        assertThat(personal("alice", "k", "bob")).isEqualTo(first);
        assertThat(shares.allEvents()).hasSize(1);
    }

    @Test
    void withoutAKeyEveryRequestCreatesAShare() {
        service.shareWithFriends(ShareWithFriendsCommand.of(caller("alice"), URL, TITLE));
        service.shareWithFriends(ShareWithFriendsCommand.of(caller("alice"), URL, TITLE));

        assertThat(shares.allEvents()).hasSize(2);
        assertThat(keys.size()).isZero();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndCreatesNothing() {
        share("alice", "key-1", URL, TITLE);

        for (Runnable other : new Runnable[] {
            () -> share("alice", "key-1", URL, "Another title"),
            () -> share("alice", "key-1", URL + "/2", TITLE),
            () -> personal("alice", "key-1", "bob")
        }) {
            assertThatThrownBy(other::run).isInstanceOfSatisfying(InvalidValueException.class, e -> {
                assertThat(e.field()).isEqualTo("Idempotency-Key");
                assertThat(e.getMessage()).isEqualTo(IdempotentShares.REUSED_KEY);
            });
        }
        assertThat(shares.allEvents()).hasSize(1);
    }

    @Test
    void eachUserHasTheirOwnKeys() {
        ShareEventId alices = share("alice", "same", URL, TITLE);
        ShareEventId carols = share("carol", "same", URL, TITLE);

        assertThat(carols).isNotEqualTo(alices);
        assertThat(shares.allEvents()).hasSize(2);
    }

    @Test
    void afterTwentyFourHoursTheKeyIsNewAgainAndOldKeysAreForgotten() {
        ShareEventId first = share("alice", "key-1", URL, TITLE);
        share("alice", "key-2", URL, TITLE);
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        ShareEventId later = share("alice", "key-1", URL, TITLE);

        assertThat(later).isNotEqualTo(first);
        assertThat(shares.allEvents()).hasSize(3);
        assertThat(keys.size())
                .as("key-2 expired and was removed; key-1 holds the new event")
                .isEqualTo(1);
        assertThat(share("alice", "key-1", URL, TITLE)).isEqualTo(later);
    }

    @Test
    void aRefusedShareRecordsNoKeySoItsRetryIsDecidedAfresh() {
        assertThatThrownBy(() -> personal("alice", "k", "erin")).isInstanceOf(ForbiddenException.class);
        assertThat(keys.size()).isZero();
        transactions.inTransaction(
                () -> friendships.insert(Friendship.reconstitute(id("alice"), id("erin"), START, START)));

        assertThat(personal("alice", "k", "erin")).isNotNull();
        assertThat(shares.allEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "naïve", "\u0000"})
    void keysAreOneTo255VisibleAsciiCharacters(String key) {
        assertThatThrownBy(() -> ShareWithFriendsCommand.of(caller("alice"), URL, TITLE, key))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
    }

    @Test
    void keysUpTo255CharactersAreAccepted() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void fingerprintsTellApartRequestsThatConcatenateAlike() {
        assertThat(IdempotentShares.fingerprint("ab", "c")).isNotEqualTo(IdempotentShares.fingerprint("a", "bc"));
        assertThat(IdempotentShares.fingerprint("a", null)).isNotEqualTo(IdempotentShares.fingerprint("a", ""));
        assertThat(IdempotentShares.fingerprint("a", "b")).isEqualTo(IdempotentShares.fingerprint("a", "b"));
    }

    private ShareEventId share(String from, String key, String url, String title) {
        return service.shareWithFriends(ShareWithFriendsCommand.of(caller(from), url, title, key));
    }

    private ShareEventId personal(String from, String key, String to) {
        return service.shareWithFriend(ShareWithFriendCommand.of(caller(from), URL, TITLE, to, key));
    }

    private static Caller caller(String user) {
        return new Caller(id(user), Email.of(user + "@example.com"));
    }

    private static UserId id(String user) {
        return UserId.of(user);
    }
}
