package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.domain.error.ConflictException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.newId;
import static com.pagenow.userapi.adapter.persistence.testing.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link FriendshipRepository} must do. Names are plain ASCII starting with a capital, so that the
 * database's collation and Java's string order agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FriendshipRepositoryContract {

    private static final Instant T1 = FriendshipFixtures.REGISTERED_AT;
    private static final Instant T2 = Instant.parse("2024-03-02T11:30:00.654321Z");
    private static final Instant T3 = Instant.parse("2024-03-03T12:45:00Z");
    private static final Instant T4 = Instant.parse("2024-03-04T08:00:00.000001Z");

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
        assertThatThrownBy(
                        () -> transactions().inTransaction(() -> friendships().markAccepted(reversed)))
                .isInstanceOf(NotFoundException.class);
        Friendship again = Friendship.reconstitute(ann, cy, T1, T3);
        assertThatThrownBy(
                        () -> transactions().inTransaction(() -> friendships().markAccepted(again)))
                .isInstanceOf(NotFoundException.class);
        Friendship missing = Friendship.reconstitute(bob, cy, T1, T2);
        assertThatThrownBy(
                        () -> transactions().inTransaction(() -> friendships().markAccepted(missing)))
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
        assertThat(friendships().findBetween(ann, bob).orElseThrow().requester())
                .isEqualTo(bob);
    }

    @Test
    void deletingWhatIsNotStoredInThatDirectionIsNotFound() {
        UserId ann = person("ann", "Ann", "Lee");
        UserId bob = person("bob", "Bob", "Kim");
        Friendship stored = Friendship.request(ann, bob, T1);
        insert(stored);

        Friendship reversed = Friendship.request(bob, ann, T1);
        assertThatThrownBy(
                        () -> transactions().inTransaction(() -> friendships().delete(reversed)))
                .isInstanceOf(NotFoundException.class);
        Friendship missing = Friendship.request(bob, person("cy", "Cy", "Oh"), T1);
        assertThatThrownBy(
                        () -> transactions().inTransaction(() -> friendships().delete(missing)))
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

        assertThat(received)
                .extracting(FriendRequest::requester)
                .containsExactly(detailed.id(), sameTimeLow, sameTimeHigh, older);
        FriendRequest first = received.get(0);
        assertThat(first.firstName()).isEqualTo(detailed.firstName());
        assertThat(first.lastName()).isEqualTo(detailed.lastName());
        assertThat(first.description()).isEqualTo(detailed.details().description());
        assertThat(first.profileImage()).isEqualTo(detailed.profileImage());
        assertThat(first.requestedAt()).isEqualTo(T4);
        assertThat(friendships().pendingRequestsTo(asked))
                .extracting(FriendRequest::requester)
                .containsExactly(me);
        assertThat(friendships().pendingRequestsTo(friend)).isEmpty();
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
}
