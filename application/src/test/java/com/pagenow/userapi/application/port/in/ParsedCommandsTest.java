package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.port.in.block.BlockUserCommand;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsCommand;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserQuery;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.port.in.share.MarkSharesSeenCommand;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendCommand;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands carry parsed values; their {@code of} factories parse what a client sends, naming its fields. */
class ParsedCommandsTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final Caller CALLER = new Caller(ALICE, Email.of("alice@example.com"));

    @Test
    void theFactoryParsesOnceAndTheCommandCarriesTheValue() {
        assertThat(BlockUserCommand.of(CALLER, "bob")).isEqualTo(new BlockUserCommand(CALLER, UserId.of("bob")));
        assertThat(RemoveFriendshipCommand.of(CALLER, "alice", "bob"))
                .isEqualTo(new RemoveFriendshipCommand(CALLER, ALICE, UserId.of("bob")));
        ShareWithFriendCommand share = ShareWithFriendCommand.of(CALLER, "https://example.com/", "Title", "bob", "k1");
        assertThat(share.pageUrl()).isEqualTo(PageUrl.of("https://example.com/"));
        assertThat(share.pageTitle()).isEqualTo(PageTitle.of("Title"));
        assertThat(share.recipient()).isEqualTo(UserId.of("bob"));
        assertThat(share.key().value()).isEqualTo("k1");
    }

    @Test
    void aCommandBuiltFromValuesStillKeepsItsRules() {
        assertThatThrownBy(() -> new SendFriendRequestCommand(CALLER, ALICE))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("addressee"));
        assertThatThrownBy(() -> new AcceptFriendRequestCommand(CALLER, ALICE))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id1"));
        assertThatThrownBy(() -> new BlockUserCommand(CALLER, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("blocked"));
    }

    @Test
    void aMissingInputIsReportedByTheNameTheClientSent() {
        assertThatThrownBy(() -> RemoveFriendshipCommand.of(CALLER, null, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactlyInAnyOrder("userId1", "userId2"));
        assertThatThrownBy(() -> MarkSharesSeenCommand.of(
                        CALLER, Arrays.asList(UUID.randomUUID().toString(), null)))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("eventIds[1].<list element>"));
    }

    @Test
    void aMissingUserIdIsReportedByItsSentNameWithAMissingCallerOrPage() {
        assertThatThrownBy(() -> BlockUserCommand.of(null, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactlyInAnyOrder("caller", "userId"));
        assertThatThrownBy(() -> AcceptFriendRequestCommand.of(CALLER, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("userId1"));
        assertThatThrownBy(() -> SendFriendRequestCommand.of(CALLER, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("userId2"));
        assertThatThrownBy(() -> ListMutualFriendsQuery.of(CALLER, null, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactlyInAnyOrder("userId", "page"));
        assertThatThrownBy(() -> ListFriendsOfUserQuery.of(CALLER, " ", null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("page"));
        assertThatThrownBy(() -> SendFriendRequestCommand.of(CALLER, " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id2"));
    }

    @Test
    void aMissingInputWinsOverAMalformedOne() {
        assertThatThrownBy(() -> RemoveFriendshipCommand.of(CALLER, " ", null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("userId2"));
        assertThatThrownBy(() -> RemoveFriendshipCommand.of(CALLER, " ", "bob"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id1"));
    }

    @Test
    void repeatedEventIdsCountOnceInTheOrderSent() {
        ShareEventId first = ShareEventId.parse(UUID.randomUUID().toString());
        ShareEventId second = ShareEventId.parse(UUID.randomUUID().toString());
        MarkSharesSeenCommand command =
                MarkSharesSeenCommand.of(CALLER, List.of(second.toString(), first.toString(), second.toString()));
        assertThat(command.events()).containsExactly(second, first);
    }

    @Test
    void aLastEventIdThatIsNotAnIdTheStreamGaveResumesFromTheOldestEvent() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(SubscribeToLiveEventsCommand.of(CALLER, expiry, null).resumeAfter())
                .isNull();
        assertThat(SubscribeToLiveEventsCommand.of(CALLER, expiry, " 42 ").resumeAfter())
                .isEqualTo(42L);
        assertThat(SubscribeToLiveEventsCommand.of(CALLER, expiry, "abc").resumeAfter())
                .isZero();
        assertThat(SubscribeToLiveEventsCommand.of(CALLER, expiry, "-7").resumeAfter())
                .isZero();
    }

    private static List<String> paths(ConstraintViolationException failure) {
        return failure.getConstraintViolations().stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .toList();
    }
}
