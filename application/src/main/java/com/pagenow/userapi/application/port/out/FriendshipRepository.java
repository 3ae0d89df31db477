package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.FriendRequest;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores friendships: at most one relationship per unordered pair of users, kept in the direction it was asked.
 * What the friendship and share commands read and write, and the pending requests of one user; the reads over the
 * graph of accepted friendships are {@link FriendGraph}'s.
 */
public interface FriendshipRepository {

    /**
     * The relationship between {@code a} and {@code b}, whichever of them asked.
     *
     * @param a one user
     * @param b the other user
     * @return the relationship, or empty when there is none
     */
    Optional<Friendship> findBetween(UserId a, UserId b);

    /**
     * Stores a new request.
     *
     * @param friendship the pending request
     * @throws com.pagenow.userapi.domain.error.ConflictException when the pair already has a relationship in
     *         either direction (the database's unique index on the unordered pair decides a race)
     */
    void insert(Friendship friendship);

    /**
     * Stores the acceptance date of a pending request, found by its stored direction.
     *
     * @param accepted the request with its acceptance date
     * @throws com.pagenow.userapi.domain.error.NotFoundException when that pending request is no longer stored
     */
    void markAccepted(Friendship accepted);

    /**
     * Deletes the relationship, found by its stored direction.
     *
     * @param friendship the relationship to delete
     * @throws com.pagenow.userapi.domain.error.NotFoundException when it is no longer stored
     */
    void delete(Friendship friendship);

    /**
     * Pending requests sent to {@code addressee}, newest first, with each requester's basics.
     *
     * @param addressee who received them
     * @return the pending requests
     */
    List<FriendRequest> pendingRequestsTo(UserId addressee);

    /**
     * The ids of the accepted friends of {@code user}.
     *
     * @param user whose friends
     * @return their ids
     */
    Set<UserId> acceptedFriendIds(UserId user);
}
