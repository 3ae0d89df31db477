package com.pagenow.userapi.domain.friendship;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * The one relationship between two distinct users: pending from requester to addressee until the addressee
 * accepts; then they are friends. Removing it (cancel, decline, unfriend) deletes it.
 */
public record Friendship(UserId requester, UserId addressee, Instant requestedAt, Instant acceptedAt) {

    public Friendship {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (requester.equals(addressee)) {
            throw new InvalidValueException("user_id2", "cannot befriend oneself");
        }
    }

    /** A new pending request. Whether one already exists between the two is the caller's check (a conflict). */
    public static Friendship request(UserId requester, UserId addressee, Instant now) {
        return new Friendship(requester, addressee, now, null);
    }

    public static Friendship reconstitute(UserId requester, UserId addressee, Instant requestedAt,
                                          Instant acceptedAt) {
        return new Friendship(requester, addressee, requestedAt, acceptedAt);
    }

    public boolean isAccepted() {
        return acceptedAt != null;
    }

    public boolean isPending() {
        return acceptedAt == null;
    }

    public boolean involves(UserId user) {
        return requester.equals(user) || addressee.equals(user);
    }

    /** The other side of the relationship from {@code user}'s point of view. */
    public UserId otherThan(UserId user) {
        requireParty(user);
        return requester.equals(user) ? addressee : requester;
    }

    /** How {@code viewer} stands toward the other side. */
    public FriendshipStatus statusFor(UserId viewer) {
        requireParty(viewer);
        if (isAccepted()) {
            return FriendshipStatus.FRIENDS;
        }
        return requester.equals(viewer) ? FriendshipStatus.OUTGOING : FriendshipStatus.INCOMING;
    }

    /** Only the addressee accepts, and only a pending request. */
    public Friendship acceptBy(UserId caller, Instant now) {
        if (!addressee.equals(caller) || isAccepted()) {
            throw new NotFoundException("No pending friend request from " + requester);
        }
        return new Friendship(requester, addressee, requestedAt, now);
    }

    /** Only the addressee declines, and only a pending request; an accepted friendship is not touched. */
    public void checkDeclinableBy(UserId caller) {
        if (!addressee.equals(caller) || isAccepted()) {
            throw new NotFoundException("No pending friend request from " + requester);
        }
    }

    /** Either side may remove the relationship (cancel, decline or unfriend); nobody else may. */
    public void checkRemovableBy(UserId caller) {
        if (!involves(caller)) {
            throw new ForbiddenException("Only the two users of a friendship can remove it");
        }
    }

    private void requireParty(UserId user) {
        if (!involves(user)) {
            throw new IllegalArgumentException(user + " is not part of this friendship");
        }
    }
}
