package com.pagenow.userapi.domain.friendship;

import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FriendshipTest {

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");
    private static final Instant ASKED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2024-03-02T08:30:00Z");

    private final Friendship pending = Friendship.request(ALICE, BOB, ASKED);
    private final Friendship accepted = pending.acceptBy(BOB, LATER);

    @Test
    void aNewRequestIsPendingFromRequesterToAddressee() {
        assertThat(pending.requester()).isEqualTo(ALICE);
        assertThat(pending.addressee()).isEqualTo(BOB);
        assertThat(pending.requestedAt()).isEqualTo(ASKED);
        assertThat(pending.acceptedAt()).isNull();
        assertThat(pending.isPending()).isTrue();
        assertThat(pending.isAccepted()).isFalse();
    }

    @Test
    void nobodyBefriendsThemselves() {
        assertThatThrownBy(() -> Friendship.request(ALICE, ALICE, ASKED))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("addressee"));
    }

    @Test
    void aStoredRelationshipWithOneselfCannotBeLoadedEither() {
        assertThatThrownBy(() -> Friendship.reconstitute(BOB, BOB, ASKED, LATER))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void reconstituteKeepsEveryStoredValue() {
        Friendship loaded = Friendship.reconstitute(ALICE, BOB, ASKED, LATER);

        assertThat(loaded).isEqualTo(accepted);
        assertThat(loaded.isAccepted()).isTrue();
    }

    @Test
    void addresseeCanAcceptPendingRequest() {
        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.acceptedAt()).isEqualTo(LATER);
        assertThat(accepted.requestedAt()).isEqualTo(ASKED);
        assertThat(accepted.requester()).isEqualTo(ALICE);
        assertThat(accepted.addressee()).isEqualTo(BOB);
    }

    @Test
    void acceptingLeavesTheRequestItselfUnchanged() {
        assertThat(pending.isPending()).isTrue();
    }

    @Test
    void requesterCannotAcceptOwnRequest() {
        assertThatThrownBy(() -> pending.acceptBy(ALICE, LATER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void strangerCannotAcceptSomeoneElsesRequest() {
        assertThatThrownBy(() -> pending.acceptBy(CAROL, LATER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAcceptedFriendshipCannotBeAcceptedAgainSoItsDateStays() {
        assertThatThrownBy(() -> accepted.acceptBy(BOB, LATER.plusSeconds(60))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accepted.acceptBy(ALICE, LATER.plusSeconds(60)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void addresseeCanDeclinePendingRequest() {
        assertThatCode(() -> pending.checkDeclinableBy(BOB)).doesNotThrowAnyException();
    }

    @Test
    void requesterCannotDeclineOwnRequest() {
        assertThatThrownBy(() -> pending.checkDeclinableBy(ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void strangerCannotDeclineSomeoneElsesRequest() {
        assertThatThrownBy(() -> pending.checkDeclinableBy(CAROL)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void declineDoesNotTouchAnAcceptedFriendship() {
        assertThatThrownBy(() -> accepted.checkDeclinableBy(BOB)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accepted.checkDeclinableBy(ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void eitherSideCanRemovePendingRequest() {
        assertThatCode(() -> removable(ALICE, pending)).doesNotThrowAnyException();
        assertThatCode(() -> removable(BOB, pending)).doesNotThrowAnyException();
    }

    @Test
    void eitherSideCanUnfriend() {
        assertThatCode(() -> removable(ALICE, accepted)).doesNotThrowAnyException();
        assertThatCode(() -> removable(BOB, accepted)).doesNotThrowAnyException();
    }

    @Test
    void strangerCannotRemoveOthersRelationship() {
        assertThatThrownBy(() -> removable(CAROL, pending)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> removable(CAROL, accepted)).isInstanceOf(ForbiddenException.class);
    }

    /** The check the unfriend and cancel commands make before any lookup. */
    private static void removable(UserId caller, Friendship friendship) {
        Friendship.requireRemovableBy(caller, friendship.requester(), friendship.addressee());
    }

    @Test
    void requesterSeesOutgoingAndAddresseeSeesIncomingWhilePending() {
        assertThat(pending.statusFor(ALICE)).isEqualTo(FriendshipStatus.OUTGOING);
        assertThat(pending.statusFor(BOB)).isEqualTo(FriendshipStatus.INCOMING);
    }

    @Test
    void bothSeeFriendsOnceAccepted() {
        assertThat(accepted.statusFor(ALICE)).isEqualTo(FriendshipStatus.FRIENDS);
        assertThat(accepted.statusFor(BOB)).isEqualTo(FriendshipStatus.FRIENDS);
    }

    @Test
    void statusForSomeoneOutsideTheRelationshipIsAProgrammingError() {
        assertThatThrownBy(() -> pending.statusFor(CAROL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void involvesOnlyTheTwoUsers() {
        assertThat(pending.involves(ALICE)).isTrue();
        assertThat(pending.involves(BOB)).isTrue();
        assertThat(pending.involves(CAROL)).isFalse();
    }

    @Test
    void statusesKeepTheOldNumericStateAndCodes() {
        assertThat(FriendshipStatus.NONE.state()).isZero();
        assertThat(FriendshipStatus.OUTGOING.state()).isEqualTo(1);
        assertThat(FriendshipStatus.INCOMING.state()).isEqualTo(1);
        assertThat(FriendshipStatus.FRIENDS.state()).isEqualTo(2);
        assertThat(FriendshipStatus.values())
                .extracting(FriendshipStatus::code)
                .containsExactly("none", "outgoing", "incoming", "friends");
    }

    @Test
    void mirroringTwiceGivesTheSameStatus() {
        for (FriendshipStatus status : FriendshipStatus.values()) {
            assertThat(status.mirrored().mirrored()).isEqualTo(status);
            assertThat(status.mirrored().state()).isEqualTo(status.state());
        }
        assertThat(FriendshipStatus.OUTGOING.mirrored()).isEqualTo(FriendshipStatus.INCOMING);
    }

    /** Distinct pairs of generated ids (of every valid length), each with a pending and an accepted relationship. */
    static Stream<Arguments> generatedRelationships() {
        Random random = new Random(20240301L);
        return IntStream.range(0, 40).boxed().flatMap(i -> {
            UserId requester = randomId(random);
            UserId addressee = randomId(random);
            while (addressee.equals(requester)) {
                addressee = randomId(random);
            }
            Instant asked = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000));
            Friendship request = Friendship.request(requester, addressee, asked);
            return Stream.of(
                    Arguments.of(request),
                    Arguments.of(request.acceptBy(addressee, asked.plusSeconds(1 + random.nextInt(1_000_000)))));
        });
    }

    private static UserId randomId(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@";
        int length = 1 + random.nextInt(UserId.MAX_LENGTH);
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return UserId.of(id.toString());
    }

    @ParameterizedTest
    @MethodSource("generatedRelationships")
    void statusIsMirroredBetweenTheTwoSides(Friendship friendship) {
        UserId one = friendship.requester();
        UserId other = friendship.addressee();

        assertThat(friendship.statusFor(one))
                .isEqualTo(friendship.statusFor(other).mirrored());
        assertThat(friendship.statusFor(one)).isNotEqualTo(FriendshipStatus.NONE);
        assertThat(friendship.statusFor(one).state()).isEqualTo(friendship.isAccepted() ? 2 : 1);
    }

    @ParameterizedTest
    @MethodSource("generatedRelationships")
    void onlyTheAddresseeOfAPendingRequestMayAcceptOrDeclineIt(Friendship friendship) {
        UserId requester = friendship.requester();
        UserId addressee = friendship.addressee();
        Instant now = friendship.requestedAt().plusSeconds(5);

        assertThatThrownBy(() -> friendship.acceptBy(requester, now)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> friendship.checkDeclinableBy(requester)).isInstanceOf(NotFoundException.class);
        if (friendship.isPending()) {
            assertThat(friendship.acceptBy(addressee, now).statusFor(requester)).isEqualTo(FriendshipStatus.FRIENDS);
            assertThatCode(() -> friendship.checkDeclinableBy(addressee)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> friendship.acceptBy(addressee, now)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> friendship.checkDeclinableBy(addressee)).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("generatedRelationships")
    void bothSidesAndOnlyThemMayRemoveIt(Friendship friendship) {
        UserId stranger = UserId.of("stranger-" + friendship.requester().value().length());

        assertThatCode(() -> removable(friendship.requester(), friendship)).doesNotThrowAnyException();
        assertThatCode(() -> removable(friendship.addressee(), friendship)).doesNotThrowAnyException();
        if (!friendship.involves(stranger)) {
            assertThatThrownBy(() -> removable(stranger, friendship)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void nullPartsAreRejected() {
        assertThatThrownBy(() -> Friendship.request(null, BOB, ASKED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Friendship.request(ALICE, null, ASKED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Friendship.request(ALICE, BOB, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRefusedAcceptOrDeclineSaysThereIsNoPendingRequestFromThatUser() {
        assertThatThrownBy(() -> pending.acceptBy(ALICE, LATER)).hasMessage("No pending friend request from this user");
        assertThatThrownBy(() -> accepted.checkDeclinableBy(BOB))
                .hasMessage("No pending friend request from this user");
        assertThat(Friendship.noPendingRequest()).hasMessage("No pending friend request from this user");
    }

    @Test
    void theOtherFailuresOfTheGraphEachHaveOneMessage() {
        assertThat(Friendship.notFound()).isInstanceOf(NotFoundException.class).hasMessage("Friendship not found");
        assertThat(Friendship.alreadyRelated())
                .isInstanceOf(ConflictException.class)
                .hasMessage("A friendship or friend request between these users already exists");
        assertThatThrownBy(() -> removable(CAROL, pending))
                .hasMessage("Only the two users of a friendship can remove it");
    }

    @Test
    void onlyOneOfTheTwoNamedUsersMayRemoveWhatIsBetweenThemDecidedWithoutLookingItUp() {
        assertThatCode(() -> Friendship.requireRemovableBy(ALICE, ALICE, BOB)).doesNotThrowAnyException();
        assertThatCode(() -> Friendship.requireRemovableBy(BOB, ALICE, BOB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Friendship.requireRemovableBy(CAROL, ALICE, BOB))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void twoUsersAreNeededForARequestWhicheverWayRound() {
        assertThatCode(() -> Friendship.requireTwoUsers(ALICE, BOB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Friendship.requireTwoUsers(BOB, BOB))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("cannot befriend oneself");
    }
}
