package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.fake.AdjustableClock;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.friendship.AcceptFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.CheckFriendshipQuery;
import com.pagenow.userapi.application.port.in.friendship.CountFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.CountMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.DeclineFriendRequestCommand;
import com.pagenow.userapi.application.port.in.friendship.GetSentFriendRequestQuery;
import com.pagenow.userapi.application.port.in.friendship.ListFriendsOfUserQuery;
import com.pagenow.userapi.application.port.in.friendship.ListMutualFriendsQuery;
import com.pagenow.userapi.application.port.in.friendship.RemoveFriendshipCommand;
import com.pagenow.userapi.application.port.in.friendship.SendFriendRequestCommand;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FriendshipServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00.123456789Z");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();
    private final InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
    private final FriendshipService service =
            new FriendshipService(users, friendships, friendships.blocks(), transactions, clock);
    private final FriendshipQueryService queries =
            new FriendshipQueryService(friendships, friendships.graph(), friendships.blocks());

    @BeforeEach
    void registerUsers() {
        users.insert(aUser("alice")
                .withName("Alice", "Kim")
                .withDescription("hi, Alice here")
                .build());
        users.insert(aUser("bob")
                .withName("Bob", "Lee")
                .withProfileImage(START, "png")
                .build());
        users.insert(aUser("carol").withName("Carol", "Park").build());
        users.insert(aUser("dave").withName("Dave", "Choi").build());
    }

    @Nested
    class SendFriendRequest {

        @Test
        void callerCanAskAnotherUser() {
            Friendship sent = send("alice", "bob");

            assertThat(sent.requester()).isEqualTo(id("alice"));
            assertThat(sent.addressee()).isEqualTo(id("bob"));
            assertThat(sent.requestedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
            assertThat(sent.isPending()).isTrue();
            assertThat(friendships.all()).containsExactly(sent);
            assertThat(transactions.started()).isEqualTo(1);
        }

        @Test
        void askingOneselfIsInvalidForTheAddressee() {
            assertThatThrownBy(() -> SendFriendRequestCommand.of(caller("alice"), "alice"))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("addressee"));
        }

        @Test
        void aMalformedUserIdIsInvalidForUserId2() {
            assertThatThrownBy(() -> SendFriendRequestCommand.of(caller("alice"), " "))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_id2"));
            assertThatThrownBy(() -> SendFriendRequestCommand.of(caller("alice"), "x".repeat(51)))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_id2"));
        }

        @Test
        void aMissingUserIdIsAViolationNamingTheField() {
            assertThatThrownBy(() -> SendFriendRequestCommand.of(caller("alice"), null))
                    .isInstanceOfSatisfying(
                            ConstraintViolationException.class,
                            e -> assertThat(e.getConstraintViolations())
                                    .singleElement()
                                    .satisfies(
                                            v -> assertThat(v.getPropertyPath()).hasToString("userId2")));
        }

        @Test
        void askingAnUnknownUserIsNotFound() {
            assertThatThrownBy(() -> send("alice", "nobody"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("User not found");
            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void askingBeforeRegisteringIsNotFound() {
            assertThatThrownBy(() -> send("newcomer", "alice"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("User not found");
            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void askingTwiceIsAConflict() {
            Friendship first = send("alice", "bob");

            assertThatThrownBy(() -> send("alice", "bob")).isInstanceOf(ConflictException.class);
            assertThat(friendships.all()).containsExactly(first);
        }

        @Test
        void askingBackWhileAskedIsAConflict() {
            Friendship first = send("alice", "bob");

            assertThatThrownBy(() -> send("bob", "alice")).isInstanceOf(ConflictException.class);
            assertThat(friendships.all()).containsExactly(first);
        }

        @Test
        void askingAFriendIsAConflictFromEitherSide() {
            Friendship friends = befriend("alice", "bob");

            assertThatThrownBy(() -> send("alice", "bob")).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> send("bob", "alice")).isInstanceOf(ConflictException.class);
            assertThat(friendships.all()).containsExactly(friends);
        }

        @Test
        void aRaceLostAtTheRepositoryIsStillAConflict() {
            // Another request slipped in between the service's check and its insert: the unique index decides.
            friendships.storeConcurrentlyBeforeNextInsert(Friendship.request(id("bob"), id("alice"), START));

            assertThatThrownBy(() -> send("alice", "bob")).isInstanceOf(ConflictException.class);
            assertThat(friendships.all()).extracting(Friendship::requester).containsExactly(id("bob"));
        }
    }

    @Nested
    class AcceptFriendRequest {

        @Test
        void addresseeCanAcceptPendingRequest() {
            send("alice", "bob");
            clock.advance(Duration.ofHours(3));

            Friendship accepted = accept("bob", "alice");

            assertThat(accepted.isAccepted()).isTrue();
            assertThat(accepted.acceptedAt()).isEqualTo(Instant.parse("2024-03-01T13:00:00.123456Z"));
            assertThat(accepted.requestedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
            assertThat(friendships.findBetween(id("alice"), id("bob"))).contains(accepted);
            assertThat(transactions.started()).isEqualTo(2);
        }

        @Test
        void requesterCannotAcceptOwnRequest() {
            Friendship pending = send("alice", "bob");

            assertThatThrownBy(() -> accept("alice", "bob")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(pending);
        }

        @Test
        void strangerCannotAcceptSomeoneElsesRequest() {
            Friendship pending = send("alice", "bob");

            assertThatThrownBy(() -> accept("carol", "alice")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accept("carol", "bob")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(pending);
        }

        @Test
        void acceptingWithoutARequestIsNotFound() {
            assertThatThrownBy(() -> accept("bob", "alice")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accept("bob", "nobody")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void acceptingTwiceIsNotFoundAndKeepsTheFirstDate() {
            Friendship first = befriend("alice", "bob");
            clock.advance(Duration.ofDays(1));

            assertThatThrownBy(() -> accept("bob", "alice")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(first);
        }

        @Test
        void acceptingOneselfIsInvalidForUserId1() {
            assertThatThrownBy(() -> AcceptFriendRequestCommand.of(caller("bob"), "bob"))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_id1"));
        }
    }

    @Nested
    class DeclineFriendRequest {

        @Test
        void addresseeCanDeclinePendingRequest() {
            send("alice", "bob");

            decline("bob", "alice");

            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void decliningWithoutARequestIsNotFound() {
            assertThatThrownBy(() -> decline("bob", "alice")).isInstanceOf(NotFoundException.class);
        }

        @Test
        void decliningLeavesAnAcceptedFriendshipAlone() {
            Friendship friends = befriend("alice", "bob");

            assertThatThrownBy(() -> decline("bob", "alice")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> decline("alice", "bob")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(friends);
        }

        @Test
        void requesterCannotDeclineOwnRequest() {
            Friendship pending = send("alice", "bob");

            assertThatThrownBy(() -> decline("alice", "bob")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(pending);
        }

        @Test
        void strangerCannotDeclineSomeoneElsesRequest() {
            Friendship pending = send("alice", "bob");

            assertThatThrownBy(() -> decline("carol", "alice")).isInstanceOf(NotFoundException.class);
            assertThat(friendships.all()).containsExactly(pending);
        }

        @Test
        void decliningOneselfIsNotFound() {
            assertThatThrownBy(() -> decline("alice", "alice")).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class RemoveFriendship {

        @Test
        void requesterCanCancelPendingRequest() {
            send("alice", "bob");

            remove("alice", "alice", "bob");

            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void addresseeCanRemovePendingRequestNamingTheUsersInEitherOrder() {
            send("alice", "bob");

            remove("bob", "bob", "alice");

            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void eitherSideCanUnfriend() {
            befriend("alice", "bob");
            remove("alice", "bob", "alice");
            assertThat(friendships.all()).isEmpty();

            befriend("bob", "alice");
            remove("alice", "alice", "bob");
            assertThat(friendships.all()).isEmpty();
        }

        @Test
        void strangerIsForbiddenToRemoveOthersRelationship() {
            Friendship friends = befriend("alice", "bob");
            Friendship pending = send("alice", "dave");

            assertThatThrownBy(() -> remove("carol", "alice", "bob")).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> remove("carol", "dave", "alice")).isInstanceOf(ForbiddenException.class);
            assertThat(friendships.all()).containsExactly(friends, pending);
        }

        @Test
        void strangerIsForbiddenEvenWhereThereIsNothing() {
            assertThatThrownBy(() -> remove("carol", "alice", "bob")).isInstanceOf(ForbiddenException.class);
        }

        @Test
        void removingWhatDoesNotExistIsNotFound() {
            assertThatThrownBy(() -> remove("alice", "alice", "bob")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> remove("alice", "alice", "alice")).isInstanceOf(NotFoundException.class);
        }

        @Test
        void removingOneRelationshipLeavesTheOthers() {
            befriend("alice", "bob");
            Friendship other = befriend("carol", "alice");

            remove("bob", "alice", "bob");

            assertThat(friendships.all()).containsExactly(other);
        }

        @Test
        void malformedIdsAreInvalidForTheirField() {
            assertThatThrownBy(() -> RemoveFriendshipCommand.of(caller("alice"), "alice", ""))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_id2"));
            assertThatThrownBy(() -> RemoveFriendshipCommand.of(caller("alice"), "", "alice"))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("user_id1"));
        }
    }

    @Nested
    class CheckFriendship {

        @Test
        void showsTheRelationshipToBothSides() {
            Friendship pending = send("alice", "bob");

            assertThat(check("alice", "bob")).contains(pending);
            assertThat(check("bob", "alice")).contains(pending);
        }

        @Test
        void showsAnAcceptedFriendship() {
            Friendship friends = befriend("alice", "bob");

            assertThat(check("bob", "alice")).contains(friends);
        }

        @Test
        void isEmptyWithoutARelationshipOrForOneself() {
            send("alice", "bob");

            assertThat(check("alice", "carol")).isEmpty();
            assertThat(check("carol", "bob")).isEmpty();
            assertThat(check("alice", "alice")).isEmpty();
            assertThat(check("alice", "nobody")).isEmpty();
        }
    }

    @Nested
    class GetSentFriendRequest {

        @Test
        void showsWhatTheCallerAsked() {
            Friendship pending = send("alice", "bob");

            assertThat(sent("alice", "bob")).contains(pending);
        }

        @Test
        void stillShowsItOnceAccepted() {
            Friendship friends = befriend("alice", "bob");

            assertThat(sent("alice", "bob")).contains(friends);
        }

        @Test
        void isEmptyWhenTheOtherSideAsked() {
            send("alice", "bob");
            befriend("carol", "bob");

            assertThat(sent("bob", "alice")).isEmpty();
            assertThat(sent("bob", "carol")).isEmpty();
        }

        @Test
        void isEmptyWithoutARelationshipOrForOneself() {
            assertThat(sent("alice", "bob")).isEmpty();
            assertThat(sent("alice", "alice")).isEmpty();
        }
    }

    @Nested
    class ListReceivedFriendRequests {

        @Test
        void listsPendingRequestsToTheCallerNewestFirst() {
            send("bob", "alice");
            clock.advance(Duration.ofMinutes(1));
            send("dave", "alice");
            clock.advance(Duration.ofMinutes(1));
            send("carol", "alice");

            List<FriendRequest> received = queries.listReceivedFriendRequests(caller("alice"));

            assertThat(received).extracting(r -> r.requester().value()).containsExactly("carol", "dave", "bob");
            assertThat(received)
                    .extracting(FriendRequest::requestedAt)
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }

        @Test
        void carriesTheRequestersBasics() {
            send("bob", "alice");

            FriendRequest request =
                    queries.listReceivedFriendRequests(caller("alice")).get(0);

            assertThat(request.firstName().value()).isEqualTo("Bob");
            assertThat(request.lastName().value()).isEqualTo("Lee");
            assertThat(request.profileImage().extension()).isEqualTo("png");
            assertThat(request.requestedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        }

        @Test
        void leavesOutSentAndAcceptedRequests() {
            send("alice", "bob");
            befriend("carol", "alice");
            clock.advance(Duration.ofSeconds(1));
            send("dave", "bob");

            assertThat(queries.listReceivedFriendRequests(caller("alice"))).isEmpty();
            assertThat(queries.listReceivedFriendRequests(caller("bob")))
                    .extracting(r -> r.requester().value())
                    .containsExactly("dave", "alice");
        }
    }

    @Nested
    class ListMyFriends {

        @Test
        void listsAcceptedFriendsInBothDirectionsByName() {
            users.insert(aUser("anna").withName("Carol", "Adams").build());
            befriend("alice", "dave");
            befriend("carol", "alice");
            befriend("anna", "alice");
            send("alice", "bob");

            List<UserSummary> friends = queries.listMyFriends(caller("alice"));

            assertThat(friends).extracting(f -> f.id().value()).containsExactly("anna", "carol", "dave");
            assertThat(friends).extracting(UserSummary::status).containsOnly(FriendshipStatus.FRIENDS);
        }

        @Test
        void isEmptyWithoutFriends() {
            send("alice", "bob");

            assertThat(queries.listMyFriends(caller("alice"))).isEmpty();
            assertThat(queries.listMyFriends(caller("bob"))).isEmpty();
        }
    }

    @Nested
    class ListFriendsOfUser {

        @Test
        void listsTheUsersFriendsByNameWithTheCallersStatusTowardEach() {
            users.insert(aUser("erin").withName("Erin", "Yoon").build());
            befriend("bob", "alice");
            befriend("bob", "carol");
            befriend("bob", "dave");
            befriend("erin", "bob");
            befriend("alice", "carol");
            send("alice", "dave");
            send("erin", "alice");

            List<UserSummary> friends =
                    queries.listFriendsOfUser(ListFriendsOfUserQuery.of(caller("alice"), "bob", PageRequest.of(15, 0)));

            assertThat(friends).extracting(f -> f.id().value()).containsExactly("alice", "carol", "dave", "erin");
            assertThat(friends)
                    .extracting(UserSummary::status)
                    .containsExactly(
                            FriendshipStatus.NONE,
                            FriendshipStatus.FRIENDS,
                            FriendshipStatus.OUTGOING,
                            FriendshipStatus.INCOMING);
        }

        @Test
        void pagesWithLimitAndOffset() {
            befriend("alice", "bob");
            befriend("alice", "carol");
            befriend("alice", "dave");

            assertThat(friendsOf("alice", 2, 0)).containsExactly("bob", "carol");
            assertThat(friendsOf("alice", 2, 2)).containsExactly("dave");
            assertThat(friendsOf("alice", 2, 3)).isEmpty();
            assertThat(friendsOf("alice", 0, 0)).isEmpty();
        }

        @Test
        void clampsTheLimitToOneHundred() {
            for (int i = 0; i < 105; i++) {
                String id = "friend%03d".formatted(i);
                users.insert(aUser(id).withName("Friend", "%03d".formatted(i)).build());
                befriend(id, "alice");
            }

            List<String> page = friendsOf("alice", 1000, 0);

            assertThat(page).hasSize(100).startsWith("friend000").endsWith("friend099");
            assertThat(ListFriendsOfUserQuery.of(caller("bob"), "alice", PageRequest.of(101, 7))
                            .page())
                    .isEqualTo(PageRequest.of(100, 7));
        }

        @Test
        void negativePagingIsInvalid() {
            assertThatThrownBy(() -> PageRequest.of(-1, 0))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("limit"));
            assertThatThrownBy(() -> PageRequest.of(5, -1))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("offset"));
        }

        @Test
        void anUnknownUserHasNoFriends() {
            befriend("alice", "bob");

            assertThat(friendsOf("nobody", 15, 0)).isEmpty();
            assertThat(queries.countFriends(CountFriendsQuery.of(caller("alice"), "nobody")))
                    .isZero();
        }

        private List<String> friendsOf(String user, int limit, int offset) {
            return queries
                    .listFriendsOfUser(ListFriendsOfUserQuery.of(caller("carol"), user, PageRequest.of(limit, offset)))
                    .stream()
                    .map(f -> f.id().value())
                    .toList();
        }
    }

    @Nested
    class CountFriends {

        @Test
        void countsAcceptedFriendsInBothDirectionsOnly() {
            befriend("alice", "bob");
            befriend("carol", "alice");
            send("alice", "dave");

            assertThat(count("alice")).isEqualTo(2);
            assertThat(count("bob")).isEqualTo(1);
            assertThat(count("dave")).isZero();
        }

        private long count(String user) {
            return queries.countFriends(CountFriendsQuery.of(caller("dave"), user));
        }
    }

    @Nested
    class MutualFriends {

        @Test
        void listsTheFriendsBothShareByName() {
            befriend("alice", "carol");
            befriend("dave", "alice");
            befriend("bob", "carol");
            befriend("dave", "bob");
            users.insert(aUser("erin").withName("Erin", "Yoon").build());
            befriend("alice", "erin");
            send("bob", "erin");

            List<UserSummary> mutual =
                    queries.listMutualFriends(ListMutualFriendsQuery.of(caller("alice"), "bob", PageRequest.of(15, 0)));

            assertThat(mutual).extracting(f -> f.id().value()).containsExactly("carol", "dave");
            assertThat(mutual).extracting(UserSummary::status).containsOnly(FriendshipStatus.FRIENDS);
            assertThat(countMutual("alice", "bob")).isEqualTo(2);
            assertThat(countMutual("bob", "alice")).isEqualTo(2);
        }

        @Test
        void clampsTheLimitToFifteenAndPages() {
            for (int i = 0; i < 20; i++) {
                String id = "shared%02d".formatted(i);
                users.insert(aUser(id).withName("Shared", "%02d".formatted(i)).build());
                befriend(id, "alice");
                befriend("bob", id);
            }

            assertThat(mutual("alice", "bob", 100, 0))
                    .hasSize(15)
                    .startsWith("shared00")
                    .endsWith("shared14");
            assertThat(mutual("alice", "bob", 100, 15))
                    .containsExactly("shared15", "shared16", "shared17", "shared18", "shared19");
            assertThat(mutual("alice", "bob", 0, 0)).isEmpty();
            assertThat(countMutual("alice", "bob")).isEqualTo(20);
        }

        @Test
        void anUnknownUserSharesNobody() {
            befriend("alice", "bob");

            assertThat(mutual("alice", "nobody", 15, 0)).isEmpty();
            assertThat(countMutual("alice", "nobody")).isZero();
        }

        private List<String> mutual(String viewer, String other, int limit, int offset) {
            return queries
                    .listMutualFriends(ListMutualFriendsQuery.of(caller(viewer), other, PageRequest.of(limit, offset)))
                    .stream()
                    .map(f -> f.id().value())
                    .toList();
        }

        private long countMutual(String viewer, String other) {
            return queries.countMutualFriends(CountMutualFriendsQuery.of(caller(viewer), other));
        }
    }

    private Friendship send(String from, String to) {
        return service.sendFriendRequest(SendFriendRequestCommand.of(caller(from), to));
    }

    private Friendship accept(String by, String from) {
        return service.acceptFriendRequest(AcceptFriendRequestCommand.of(caller(by), from));
    }

    private void decline(String by, String from) {
        service.declineFriendRequest(DeclineFriendRequestCommand.of(caller(by), from));
    }

    private void remove(String by, String userId1, String userId2) {
        service.removeFriendship(RemoveFriendshipCommand.of(caller(by), userId1, userId2));
    }

    private Friendship befriend(String requester, String addressee) {
        send(requester, addressee);
        return accept(addressee, requester);
    }

    private Optional<Friendship> check(String caller, String other) {
        return queries.checkFriendship(CheckFriendshipQuery.of(caller(caller), other));
    }

    private Optional<Friendship> sent(String caller, String other) {
        return queries.getSentFriendRequest(GetSentFriendRequestQuery.of(caller(caller), other));
    }

    private static Caller caller(String id) {
        return new Caller(UserId.of(id), Email.of(id + "@example.com"));
    }

    private static UserId id(String value) {
        return UserId.of(value);
    }
}
