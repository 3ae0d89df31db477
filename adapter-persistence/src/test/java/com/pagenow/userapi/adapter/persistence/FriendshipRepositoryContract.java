package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.ProfileDetails;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * What every {@link FriendshipRepository} must do. Names are plain ASCII starting with a capital, so that the
 * database's collation and Java's string order agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FriendshipRepositoryContract {

    private static final Instant T1 = Instant.parse("2024-03-01T10:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2024-03-02T11:30:00.654321Z");
    private static final Instant T3 = Instant.parse("2024-03-03T12:45:00Z");
    private static final Instant T4 = Instant.parse("2024-03-04T08:00:00.000001Z");
    private static final PageRequest ALL = PageRequest.of(100, 0);

    protected abstract UserRepository users();

    protected abstract FriendshipRepository friendships();

    protected abstract TransactionRunner transactions();

    @Test
    void storedRequestIsFoundFromEitherSide() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        Friendship request = Friendship.request(ann, bob, T1);

        insert(request);

        assertThat(friendships().findBetween(ann, bob)).contains(request);
        assertThat(friendships().findBetween(bob, ann)).contains(request);
        assertThat(friendships().findBetween(ann, person("cy", "Cy", "Oh"))).isEmpty();
    }

    @Test
    void secondRequestInEitherDirectionIsAConflict() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        Friendship first = Friendship.request(ann, bob, T1);
        insert(first);

        assertThatThrownBy(() -> insert(Friendship.request(ann, bob, T2))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> insert(Friendship.request(bob, ann, T2))).isInstanceOf(ConflictException.class);

        assertThat(friendships().findBetween(ann, bob)).contains(first);
    }

    @Test
    void requestToAnAcceptedFriendIsAConflict() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        befriend(ann, bob, T1);

        assertThatThrownBy(() -> insert(Friendship.request(bob, ann, T3))).isInstanceOf(ConflictException.class);
    }

    @Test
    void transactionGoesOnAfterAConflictItCaught() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        UserId cy = person("cy", "Cy", "Oh");
        insert(Friendship.request(ann, bob, T1));
        Friendship later = Friendship.request(ann, cy, T2);

        transactions().inTransaction(() -> {
            try {
                friendships().insert(Friendship.request(bob, ann, T2));
            } catch (ConflictException expected) {
                // the caller carries on, as a service may
            }
            friendships().insert(later);
        });

        assertThat(friendships().findBetween(cy, ann)).contains(later);
    }

    @Test
    void acceptingStoresTheAcceptanceTime() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        Friendship pending = Friendship.request(ann, bob, T1);
        insert(pending);
        Friendship accepted = pending.acceptBy(bob, T2);

        transactions().inTransaction(() -> friendships().markAccepted(accepted));

        assertThat(friendships().findBetween(bob, ann)).contains(accepted);
    }

    @Test
    void acceptingWhatIsNotStoredPendingInThatDirectionIsNotFound() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        UserId cy = person("cy", "Cy", "Oh");
        Friendship pending = Friendship.request(ann, bob, T1);
        insert(pending);
        Friendship accepted = befriend(ann, cy, T1);

        Friendship reversed = Friendship.reconstitute(bob, ann, T1, T2);
        assertThatThrownBy(() -> transactions().inTransaction(() -> friendships().markAccepted(reversed)))
                .isInstanceOf(NotFoundException.class);
        Friendship again = Friendship.reconstitute(ann, cy, T1, T3);
        assertThatThrownBy(() -> transactions().inTransaction(() -> friendships().markAccepted(again)))
                .isInstanceOf(NotFoundException.class);
        Friendship missing = Friendship.reconstitute(bob, cy, T1, T2);
        assertThatThrownBy(() -> transactions().inTransaction(() -> friendships().markAccepted(missing)))
                .isInstanceOf(NotFoundException.class);

        assertThat(friendships().findBetween(ann, bob)).contains(pending);
        assertThat(friendships().findBetween(ann, cy)).contains(accepted);
    }

    @Test
    void deletingRemovesOnlyThatRelationship() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        UserId cy = person("cy", "Cy", "Oh");
        Friendship annBob = befriend(ann, bob, T1);
        Friendship cyAnn = Friendship.request(cy, ann, T2);
        insert(cyAnn);

        transactions().inTransaction(() -> friendships().delete(annBob));

        assertThat(friendships().findBetween(ann, bob)).isEmpty();
        assertThat(friendships().findBetween(ann, cy)).contains(cyAnn);
        // The pair is free again, in either direction.
        insert(Friendship.request(bob, ann, T3));
        assertThat(friendships().findBetween(ann, bob).orElseThrow().requester()).isEqualTo(bob);
    }

    @Test
    void deletingWhatIsNotStoredInThatDirectionIsNotFound() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        Friendship stored = Friendship.request(ann, bob, T1);
        insert(stored);

        Friendship reversed = Friendship.request(bob, ann, T1);
        assertThatThrownBy(() -> transactions().inTransaction(() -> friendships().delete(reversed)))
                .isInstanceOf(NotFoundException.class);
        Friendship missing = Friendship.request(bob, person("cy", "Cy", "Oh"), T1);
        assertThatThrownBy(() -> transactions().inTransaction(() -> friendships().delete(missing)))
                .isInstanceOf(NotFoundException.class);

        assertThat(friendships().findBetween(ann, bob)).contains(stored);
    }

    @Test
    void pendingRequestsAreThoseReceivedNewestFirstWithTheRequestersBasics() {
        UserId me = person("me", "Mia", "Ng");
        User detailed = user(newId("detailed"));
        users().insert(detailed);
        UserId older = person("older", "Ola", "Ek");
        UserId sameTimeLow = UserId.of("aa-" + newId("same").value());
        UserId sameTimeHigh = UserId.of("zz-" + newId("same").value());
        store(sameTimeLow, "Sam", "Low");
        store(sameTimeHigh, "Sam", "High");
        UserId friend = person("friend", "Fay", "Oh");
        UserId asked = person("asked", "Abe", "Oh");
        insert(Friendship.request(older, me, T1));
        insert(Friendship.request(detailed.id(), me, T4));
        insert(Friendship.request(sameTimeHigh, me, T2));
        insert(Friendship.request(sameTimeLow, me, T2));
        befriend(friend, me, T1);
        insert(Friendship.request(me, asked, T3));

        List<FriendRequest> received = friendships().pendingRequestsTo(me);

        assertThat(received).extracting(FriendRequest::requester)
                .containsExactly(detailed.id(), sameTimeLow, sameTimeHigh, older);
        FriendRequest first = received.get(0);
        assertThat(first.firstName()).isEqualTo(detailed.firstName());
        assertThat(first.lastName()).isEqualTo(detailed.lastName());
        assertThat(first.description()).isEqualTo(detailed.details().description());
        assertThat(first.profileImage()).isEqualTo(detailed.profileImage());
        assertThat(first.requestedAt()).isEqualTo(T4);
        assertThat(friendships().pendingRequestsTo(asked)).extracting(FriendRequest::requester).containsExactly(me);
        assertThat(friendships().pendingRequestsTo(friend)).isEmpty();
    }

    @Test
    void friendsOfAUserCarryHowTheViewerStandsTowardEach() {
        UserId owner = person("owner", "Owen", "Ray");
        UserId viewer = person("viewer", "Vic", "Tor");
        UserId mutual = person("mutual", "Ada", "Byron");
        UserId askedByViewer = person("asked", "Bea", "Ng");
        UserId askingViewer = person("asking", "Cal", "Ng");
        UserId stranger = person("stranger", "Dee", "Ng");
        UserId onlyPending = person("pending", "Eve", "Ng");
        befriend(owner, mutual, T1);
        befriend(askedByViewer, owner, T1);
        befriend(owner, askingViewer, T1);
        befriend(stranger, owner, T1);
        befriend(owner, viewer, T1);
        insert(Friendship.request(owner, onlyPending, T2));
        befriend(viewer, mutual, T2);
        insert(Friendship.request(viewer, askedByViewer, T2));
        insert(Friendship.request(askingViewer, viewer, T2));

        List<UserSummary> friends = friendships().friendsOf(owner, viewer, ALL);

        assertThat(friends).extracting(UserSummary::id)
                .containsExactly(mutual, askedByViewer, askingViewer, stranger, viewer);
        assertThat(statuses(friends)).containsExactly(
                entry(mutual, FriendshipStatus.FRIENDS),
                entry(askedByViewer, FriendshipStatus.OUTGOING),
                entry(askingViewer, FriendshipStatus.INCOMING),
                entry(stranger, FriendshipStatus.NONE),
                entry(viewer, FriendshipStatus.NONE));
        assertThat(friends).allSatisfy(summary -> assertThat(summary.mutualFriendCount()).isNull());
        // Seen by the owner, every friend is a friend.
        assertThat(friendships().friendsOf(owner, owner, ALL))
                .allSatisfy(summary -> assertThat(summary.status()).isEqualTo(FriendshipStatus.FRIENDS))
                .hasSize(5);
    }

    @Test
    void friendsArePagedInNameOrder() {
        UserId owner = person("owner", "Owen", "Ray");
        UserId lateName = person("z", "Zed", "Ab");
        UserId sameFirstLaterLast = person("k2", "Kim", "Yoo");
        UserId sameFirstEarlierLast = person("k1", "Kim", "Ahn");
        UserId sameNameLowId = UserId.of("aa-" + newId("twin").value());
        UserId sameNameHighId = UserId.of("zz-" + newId("twin").value());
        store(sameNameHighId, "Lu", "Twin");
        store(sameNameLowId, "Lu", "Twin");
        for (UserId friend : List.of(lateName, sameFirstLaterLast, sameNameHighId, sameFirstEarlierLast,
                sameNameLowId)) {
            befriend(friend, owner, T1);
        }

        assertThat(friendships().friendsOf(owner, owner, ALL)).extracting(UserSummary::id).containsExactly(
                sameFirstEarlierLast, sameFirstLaterLast, sameNameLowId, sameNameHighId, lateName);
        assertThat(friendships().friendsOf(owner, owner, PageRequest.of(2, 1))).extracting(UserSummary::id)
                .containsExactly(sameFirstLaterLast, sameNameLowId);
        assertThat(friendships().friendsOf(owner, owner, PageRequest.of(10, 4))).extracting(UserSummary::id)
                .containsExactly(lateName);
        assertThat(friendships().friendsOf(owner, owner, PageRequest.of(10, 5))).isEmpty();
        assertThat(friendships().allFriends(owner)).extracting(UserSummary::id).containsExactly(
                sameFirstEarlierLast, sameFirstLaterLast, sameNameLowId, sameNameHighId, lateName);
    }

    @Test
    void listedFriendsCarryTheirProfileBasics() {
        UserId owner = person("owner", "Owen", "Ray");
        User detailed = user(newId("detailed"));
        users().insert(detailed);
        befriend(owner, detailed.id(), T1);

        UserSummary listed = friendships().friendsOf(owner, owner, ALL).get(0);

        assertThat(listed).isEqualTo(new UserSummary(detailed.id(), detailed.firstName(), detailed.lastName(),
                detailed.details().description(), detailed.profileImage(), FriendshipStatus.FRIENDS, null));
        assertThat(friendships().allFriends(owner)).containsExactly(listed);
    }

    @Test
    void countsAndIdsTakeAcceptedFriendsInBothDirectionsOnly() {
        UserId owner = person("owner", "Owen", "Ray");
        UserId asked = person("a", "Ann", "Ng");
        UserId askedBy = person("b", "Ben", "Ng");
        UserId pendingOut = person("c", "Cat", "Ng");
        UserId pendingIn = person("d", "Dan", "Ng");
        befriend(owner, asked, T1);
        befriend(askedBy, owner, T1);
        insert(Friendship.request(owner, pendingOut, T1));
        insert(Friendship.request(pendingIn, owner, T1));

        assertThat(friendships().countFriends(owner)).isEqualTo(2);
        assertThat(friendships().acceptedFriendIds(owner)).containsExactlyInAnyOrder(asked, askedBy);
        assertThat(friendships().countFriends(pendingIn)).isZero();
        assertThat(friendships().acceptedFriendIds(pendingOut)).isEmpty();
        assertThat(friendships().friendsOf(pendingIn, owner, ALL)).isEmpty();
        assertThat(friendships().allFriends(pendingOut)).isEmpty();
    }

    @Test
    void mutualFriendsAreTheAcceptedFriendsBothShareInNameOrder() {
        UserId viewer = person("viewer", "Vic", "Tor");
        UserId other = person("other", "Oli", "Ver");
        UserId sharedLate = person("s2", "Sue", "Ng");
        UserId sharedEarly = person("s1", "Ali", "Ng");
        UserId sharedMiddle = person("s3", "Max", "Ng");
        UserId viewerOnly = person("v", "Bo", "Ng");
        UserId otherOnly = person("o", "Cy", "Ng");
        UserId pendingWithOther = person("p", "Di", "Ng");
        for (UserId shared : List.of(sharedLate, sharedEarly, sharedMiddle)) {
            befriend(viewer, shared, T1);
            befriend(shared, other, T1);
        }
        befriend(viewerOnly, viewer, T1);
        befriend(other, otherOnly, T1);
        befriend(viewer, pendingWithOther, T1);
        insert(Friendship.request(other, pendingWithOther, T2));
        befriend(viewer, other, T1);

        List<UserSummary> mutual = friendships().mutualFriends(viewer, other, ALL);

        assertThat(mutual).extracting(UserSummary::id).containsExactly(sharedEarly, sharedMiddle, sharedLate);
        assertThat(mutual).allSatisfy(summary -> assertThat(summary.status()).isEqualTo(FriendshipStatus.FRIENDS));
        assertThat(friendships().mutualFriends(viewer, other, PageRequest.of(1, 1))).extracting(UserSummary::id)
                .containsExactly(sharedMiddle);
        assertThat(friendships().mutualFriends(other, viewer, ALL)).extracting(UserSummary::id)
                .containsExactly(sharedEarly, sharedMiddle, sharedLate);
        assertThat(friendships().countMutualFriends(viewer, other)).isEqualTo(3);
        assertThat(friendships().countMutualFriends(other, viewer)).isEqualTo(3);
    }

    @Test
    void usersWithoutRelationshipsHaveNoFriendsAndShareNone() {
        UserId lonely = person("lonely", "Lon", "Ely");
        UserId unknown = newId("unknown");

        assertThat(friendships().friendsOf(lonely, lonely, ALL)).isEmpty();
        assertThat(friendships().countFriends(unknown)).isZero();
        assertThat(friendships().mutualFriends(lonely, unknown, ALL)).isEmpty();
        assertThat(friendships().countMutualFriends(lonely, unknown)).isZero();
        assertThat(friendships().pendingRequestsTo(unknown)).isEmpty();
        assertThat(friendships().allFriends(lonely)).isEmpty();
    }

    private UserId person(String prefix, String first, String last) {
        UserId id = newId(prefix);
        store(id, first, last);
        return id;
    }

    private void store(UserId id, String first, String last) {
        users().insert(User.register(id, Email.of(id.value() + "@example.com"), PersonName.of(first),
                PersonName.of(last), ProfileDetails.EMPTY, T1));
    }

    private void insert(Friendship friendship) {
        transactions().inTransaction(() -> friendships().insert(friendship));
    }

    private Friendship befriend(UserId requester, UserId addressee, Instant requestedAt) {
        Friendship pending = Friendship.request(requester, addressee, requestedAt);
        insert(pending);
        Friendship accepted = pending.acceptBy(addressee, requestedAt.plusSeconds(60));
        transactions().inTransaction(() -> friendships().markAccepted(accepted));
        return accepted;
    }

    private static Map<UserId, FriendshipStatus> statuses(List<UserSummary> summaries) {
        return summaries.stream().collect(Collectors.toMap(UserSummary::id, UserSummary::status,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
