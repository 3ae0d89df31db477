package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.FriendshipStatus;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * How the caller stands toward one user: the relationship's status and times ({@code null} when there is none),
 * the number of accepted friends they share, and whether the caller blocks them.
 *
 * @param userId the other user
 * @param status the relationship's status
 * @param mutualFriendCount how many accepted friends the two share
 * @param requestedAt when the request was sent, or null
 * @param acceptedAt when it was accepted, or null
 * @param blocking whether the caller blocks the other user
 */
public record Relationship(
        UserId userId,
        FriendshipStatus status,
        long mutualFriendCount,
        Instant requestedAt,
        Instant acceptedAt,
        boolean blocking) {

    /**
     * Requires {@code userId} and {@code status}.
     *
     * @param userId the other user
     * @param status the relationship's status
     * @param mutualFriendCount how many accepted friends the two share
     * @param requestedAt when the request was sent, or null
     * @param acceptedAt when it was accepted, or null
     * @param blocking whether the caller blocks the other user
     */
    public Relationship {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }
}
