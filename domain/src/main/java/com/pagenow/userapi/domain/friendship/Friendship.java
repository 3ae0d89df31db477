package com.pagenow.userapi.domain.friendship;

import com.pagenow.userapi.domain.error.ConflictException;
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

    static final String NO_PENDING_REQUEST = "No pending friend request from this user";
    static final String NO_FRIENDSHIP = "Friendship not found";
    static final String ALREADY_RELATED = "A friendship or friend request between these users already exists";
    static final String NOT_A_PARTY = "Only the two users of a friendship can remove it";
    static final String ONESELF = "cannot befriend oneself";

    /**
     * Checks the parties and the request time; a friendship of a user with themselves is invalid.
     *
     * @param requester who asked
     * @param addressee who was asked
     * @param requestedAt when
     * @param acceptedAt when the addressee accepted, or null while pending
     * @throws InvalidValueException when the two are the same user
     */
    public Friendship {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(requestedAt, "requestedAt");
        requireTwoUsers(requester, addressee);
    }

    /**
     * Nobody befriends themselves: the rule behind every request, acceptance and stored row. The error names the
     * {@code addressee}; an adapter maps that to its own field name, a caller that knows better re-labels it.
     *
     * @param requester who asks
     * @param addressee who is asked
     * @throws InvalidValueException when the two are the same user
     */
    public static void requireTwoUsers(UserId requester, UserId addressee) {
        if (requester.equals(addressee)) {
            throw new InvalidValueException("addressee", ONESELF);
        }
    }

    /**
     * Only the two users of a relationship may remove it: decided from the ids alone, before anything is looked
     * up, so that a stranger learns nothing about whether the two are related.
     *
     * @param caller who removes it
     * @param first one user of the relationship
     * @param second the other user
     * @throws ForbiddenException when the caller is neither
     */
    public static void requireRemovableBy(UserId caller, UserId first, UserId second) {
        if (!caller.equals(first) && !caller.equals(second)) {
            throw new ForbiddenException(NOT_A_PARTY);
        }
    }

    /**
     * There is no pending request from that user to the caller (never asked, accepted, or the other way).
     *
     * @return the exception to throw
     */
    public static NotFoundException noPendingRequest() {
        return new NotFoundException(NO_PENDING_REQUEST);
    }

    /**
     * There is no relationship between the two.
     *
     * @return the exception to throw
     */
    public static NotFoundException notFound() {
        return new NotFoundException(NO_FRIENDSHIP);
    }

    /**
     * The two already have a relationship, in either direction: one per unordered pair.
     *
     * @return the exception to throw
     */
    public static ConflictException alreadyRelated() {
        return new ConflictException(ALREADY_RELATED);
    }

    /**
     * A new pending request. Whether one already exists between the two is the caller's check (a conflict).
     *
     * @param requester who asks
     * @param addressee who is asked
     * @param now when
     * @return the pending request
     */
    public static Friendship request(UserId requester, UserId addressee, Instant now) {
        return new Friendship(requester, addressee, now, null);
    }

    /**
     * A friendship as stored (for repositories); {@code acceptedAt} null while pending.
     *
     * @param requester who asked
     * @param addressee who was asked
     * @param requestedAt when
     * @param acceptedAt when it was accepted, or null
     * @return the friendship
     */
    public static Friendship reconstitute(UserId requester, UserId addressee, Instant requestedAt, Instant acceptedAt) {
        return new Friendship(requester, addressee, requestedAt, acceptedAt);
    }

    /**
     * Whether the addressee accepted: the two are friends.
     *
     * @return true when accepted
     */
    public boolean isAccepted() {
        return acceptedAt != null;
    }

    /**
     * Whether it is still a request waiting for the addressee.
     *
     * @return true while pending
     */
    public boolean isPending() {
        return acceptedAt == null;
    }

    /**
     * Whether {@code user} is one of the two.
     *
     * @param user a user
     * @return true when {@code user} is the requester or the addressee
     */
    public boolean involves(UserId user) {
        return requester.equals(user) || addressee.equals(user);
    }

    /**
     * How {@code viewer} stands toward the other side. The friend lists, relationships and search compute the same
     * rule in SQL, for every row at once (adapter-persistence's {@code RelationCode}); {@code RelationCodeIT} holds
     * the two equal for every state of a relationship.
     *
     * @param viewer one of the two
     * @return the status from {@code viewer}'s side
     * @throws IllegalArgumentException when {@code viewer} is neither
     */
    public FriendshipStatus statusFor(UserId viewer) {
        requireParty(viewer);
        if (isAccepted()) {
            return FriendshipStatus.FRIENDS;
        }
        return requester.equals(viewer) ? FriendshipStatus.OUTGOING : FriendshipStatus.INCOMING;
    }

    /**
     * Only the addressee accepts, and only a pending request (the same rule as declining).
     *
     * @param caller who accepts
     * @param now when
     * @return the accepted friendship
     * @throws NotFoundException when the caller is not the addressee or the request is already accepted
     */
    public Friendship acceptBy(UserId caller, Instant now) {
        checkDeclinableBy(caller);
        return new Friendship(requester, addressee, requestedAt, now);
    }

    /**
     * Only the addressee declines, and only a pending request; an accepted friendship is not touched.
     *
     * @param caller who declines
     * @throws NotFoundException when the caller is not the addressee or the request is already accepted
     */
    public void checkDeclinableBy(UserId caller) {
        if (!addressee.equals(caller) || isAccepted()) {
            throw noPendingRequest();
        }
    }

    private void requireParty(UserId user) {
        if (!involves(user)) {
            throw new IllegalArgumentException(user + " is not part of this friendship");
        }
    }
}
