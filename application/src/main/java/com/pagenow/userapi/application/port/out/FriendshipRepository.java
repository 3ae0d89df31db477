package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.Relationship;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores friendships: at most one relationship per unordered pair of users, kept in the direction it was asked.
 * Every list is one query; names sort by first name, then last name, then user id.
 */
public interface FriendshipRepository {

    /** The relationship between {@code a} and {@code b}, whichever of them asked. */
    Optional<Friendship> findBetween(UserId a, UserId b);

    /**
     * Stores a new request.
     *
     * @throws com.pagenow.userapi.domain.error.ConflictException when the pair already has a relationship in
     *         either direction (the database's unique index on the unordered pair decides a race)
     */
    void insert(Friendship friendship);

    /**
     * Stores the acceptance date of a pending request, found by its stored direction.
     *
     * @throws com.pagenow.userapi.domain.error.NotFoundException when that pending request is no longer stored
     */
    void markAccepted(Friendship accepted);

    /**
     * Deletes the relationship, found by its stored direction.
     *
     * @throws com.pagenow.userapi.domain.error.NotFoundException when it is no longer stored
     */
    void delete(Friendship friendship);

    /** Pending requests sent to {@code addressee}, newest first, with each requester's basics. */
    List<FriendRequest> pendingRequestsTo(UserId addressee);

    /**
     * A page of the accepted friends of {@code user}, each with how {@code viewer} stands toward them; without
     * those a block separates from {@code viewer}, either way.
     */
    List<UserSummary> friendsOf(UserId user, UserId viewer, PageRequest page);

    /** How many accepted friends {@code user} has. */
    long countFriends(UserId user);

    /** A page of the accepted friends {@code viewer} and {@code other} share, each with status friends. */
    List<UserSummary> mutualFriends(UserId viewer, UserId other, PageRequest page);

    /** How many accepted friends {@code a} and {@code b} share. */
    long countMutualFriends(UserId a, UserId b);

    /** Every accepted friend of {@code user}, each with status friends. */
    List<UserSummary> allFriends(UserId user);

    /** The ids of the accepted friends of {@code user}. */
    Set<UserId> acceptedFriendIds(UserId user);

    /**
     * How {@code viewer} stands toward each of {@code ids} that exists, in the order given, in one query: status,
     * the relationship's times, the number of shared accepted friends, and whether {@code viewer} blocks them.
     */
    List<Relationship> relationships(UserId viewer, List<UserId> ids);

    /**
     * A page of the friends of {@code viewer}'s friends who are not {@code viewer}, have no relationship with them
     * and no block either way, as summaries with status none and the number of friends they share with
     * {@code viewer}; by that number descending, then user id descending. One query.
     */
    List<UserSummary> suggestions(UserId viewer, PageRequest page);
}
