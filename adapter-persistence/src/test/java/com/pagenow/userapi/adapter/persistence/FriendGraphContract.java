package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Block;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.friendship.FriendshipStatus;
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
import static org.assertj.core.api.Assertions.entry;

/**
 * What every {@link FriendGraph} must do over the friendships its {@link FriendshipRepository} stores. Names are
 * plain ASCII starting with a capital, so that the database's collation and Java's string order agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FriendGraphContract {

    private static final Instant T1 = FriendshipFixtures.REGISTERED_AT;
    private static final Instant T2 = Instant.parse("2024-03-02T11:30:00.654321Z");
    private static final PageRequest ALL = PageRequest.of(100, 0);

    protected abstract UserRepository users();

    protected abstract FriendshipRepository friendships();

    protected abstract FriendGraph graph();

    protected abstract BlockRepository blocks();

    protected abstract TransactionRunner transactions();

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

        List<UserSummary> friends = graph().friendsOf(owner, viewer, ALL);

        assertThat(friends)
                .extracting(UserSummary::id)
                .containsExactly(mutual, askedByViewer, askingViewer, stranger, viewer);
        assertThat(statuses(friends))
                .containsExactly(
                        entry(mutual, FriendshipStatus.FRIENDS),
                        entry(askedByViewer, FriendshipStatus.OUTGOING),
                        entry(askingViewer, FriendshipStatus.INCOMING),
                        entry(stranger, FriendshipStatus.NONE),
                        entry(viewer, FriendshipStatus.NONE));
        assertThat(friends)
                .allSatisfy(summary -> assertThat(summary.mutualFriendCount()).isNull());
        // Seen by the owner, every friend is a friend.
        assertThat(graph().friendsOf(owner, owner, ALL))
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
        for (UserId friend :
                List.of(lateName, sameFirstLaterLast, sameNameHighId, sameFirstEarlierLast, sameNameLowId)) {
            befriend(friend, owner, T1);
        }

        assertThat(graph().friendsOf(owner, owner, ALL))
                .extracting(UserSummary::id)
                .containsExactly(sameFirstEarlierLast, sameFirstLaterLast, sameNameLowId, sameNameHighId, lateName);
        assertThat(graph().friendsOf(owner, owner, PageRequest.of(2, 1)))
                .extracting(UserSummary::id)
                .containsExactly(sameFirstLaterLast, sameNameLowId);
        assertThat(graph().friendsOf(owner, owner, PageRequest.of(10, 4)))
                .extracting(UserSummary::id)
                .containsExactly(lateName);
        assertThat(graph().friendsOf(owner, owner, PageRequest.of(10, 5))).isEmpty();
        assertThat(graph().allFriends(owner))
                .extracting(UserSummary::id)
                .containsExactly(sameFirstEarlierLast, sameFirstLaterLast, sameNameLowId, sameNameHighId, lateName);
    }

    @Test
    void listedFriendsCarryTheirProfileBasics() {
        UserId owner = person("owner", "Owen", "Ray");
        User detailed = user(newId("detailed"));
        users().insert(detailed);
        befriend(owner, detailed.id(), T1);

        UserSummary listed = graph().friendsOf(owner, owner, ALL).get(0);

        assertThat(listed)
                .isEqualTo(new UserSummary(
                        detailed.id(),
                        detailed.firstName(),
                        detailed.lastName(),
                        detailed.details().description(),
                        detailed.profileImage(),
                        FriendshipStatus.FRIENDS,
                        null));
        assertThat(graph().allFriends(owner)).containsExactly(listed);
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

        assertThat(graph().countFriends(owner, owner)).isEqualTo(2);
        assertThat(friendships().acceptedFriendIds(owner)).containsExactlyInAnyOrder(asked, askedBy);
        assertThat(graph().countFriends(pendingIn, owner)).isZero();
        assertThat(friendships().acceptedFriendIds(pendingOut)).isEmpty();
        assertThat(graph().friendsOf(pendingIn, owner, ALL)).isEmpty();
        assertThat(graph().allFriends(pendingOut)).isEmpty();
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

        List<UserSummary> mutual = graph().mutualFriends(viewer, other, ALL);

        assertThat(mutual).extracting(UserSummary::id).containsExactly(sharedEarly, sharedMiddle, sharedLate);
        assertThat(mutual).allSatisfy(summary -> assertThat(summary.status()).isEqualTo(FriendshipStatus.FRIENDS));
        assertThat(graph().mutualFriends(viewer, other, PageRequest.of(1, 1)))
                .extracting(UserSummary::id)
                .containsExactly(sharedMiddle);
        assertThat(graph().mutualFriends(other, viewer, ALL))
                .extracting(UserSummary::id)
                .containsExactly(sharedEarly, sharedMiddle, sharedLate);
        assertThat(graph().countMutualFriends(viewer, other)).isEqualTo(3);
        assertThat(graph().countMutualFriends(other, viewer)).isEqualTo(3);
    }

    @Test
    void aBlockHidesAFriendFromTheCountAsFromTheList() {
        UserId owner = person("owner", "Owen", "Ray");
        UserId viewer = person("viewer", "Vic", "Tor");
        UserId blockedByViewer = person("blocked", "Bea", "Ng");
        UserId blockingViewer = person("blocker", "Cal", "Poe");
        UserId seen = person("seen", "Dee", "Fox");
        befriend(owner, blockedByViewer, T1);
        befriend(blockingViewer, owner, T1);
        befriend(owner, seen, T1);
        blocks().insert(Block.of(viewer, blockedByViewer, T2));
        blocks().insert(Block.of(blockingViewer, viewer, T2));

        assertThat(graph().friendsOf(owner, viewer, ALL))
                .extracting(UserSummary::id)
                .containsExactly(seen);
        assertThat(graph().countFriends(owner, viewer)).isEqualTo(1);
        assertThat(graph().friendsOf(owner, owner, ALL)).hasSize(3);
        assertThat(graph().countFriends(owner, owner)).isEqualTo(3);
    }

    @Test
    void relationshipsLeaveOutWhoBlocksTheViewerAsAnUnknownId() {
        UserId viewer = person("viewer", "Vic", "Tor");
        UserId friend = person("friend", "Fay", "Ro");
        UserId blockedByViewer = person("blocked", "Bea", "Ng");
        UserId blockingViewer = person("blocker", "Cal", "Poe");
        UserId unknown = newId("unknown");
        befriend(viewer, friend, T1);
        befriend(friend, blockingViewer, T1);
        blocks().insert(Block.of(viewer, blockedByViewer, T2));
        blocks().insert(Block.of(blockingViewer, viewer, T2));

        assertThat(graph().relationships(viewer, List.of(blockingViewer, friend, unknown, blockedByViewer)))
                .extracting(r -> r.userId() + " " + r.status() + " " + r.mutualFriendCount() + " " + r.blocking())
                .containsExactly(friend + " FRIENDS 0 false", blockedByViewer + " NONE 0 true");
        assertThat(graph().relationships(blockingViewer, List.of(viewer, friend)))
                .extracting(r -> r.userId() + " " + r.status() + " " + r.mutualFriendCount() + " " + r.blocking())
                .containsExactly(viewer + " NONE 1 true", friend + " FRIENDS 0 false");
    }

    @Test
    void usersWithoutRelationshipsHaveNoFriendsAndShareNone() {
        UserId lonely = person("lonely", "Lon", "Ely");
        UserId unknown = newId("unknown");

        assertThat(graph().friendsOf(lonely, lonely, ALL)).isEmpty();
        assertThat(graph().countFriends(unknown, lonely)).isZero();
        assertThat(graph().mutualFriends(lonely, unknown, ALL)).isEmpty();
        assertThat(graph().countMutualFriends(lonely, unknown)).isZero();
        assertThat(friendships().pendingRequestsTo(unknown)).isEmpty();
        assertThat(graph().allFriends(lonely)).isEmpty();
    }

    private FriendshipFixtures fixtures() {
        return new FriendshipFixtures(users(), friendships(), transactions());
    }

    private UserId person(String prefix, String first, String last) {
        return fixtures().person(prefix, first, last);
    }

    private void store(UserId id, String first, String last) {
        fixtures().store(id, first, last);
    }

    private void insert(Friendship friendship) {
        fixtures().insert(friendship);
    }

    private Friendship befriend(UserId requester, UserId addressee, Instant requestedAt) {
        return fixtures().befriend(requester, addressee, requestedAt);
    }

    private static Map<UserId, FriendshipStatus> statuses(List<UserSummary> summaries) {
        return summaries.stream()
                .collect(Collectors.toMap(
                        UserSummary::id, UserSummary::status, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
