package com.pagenow.userapi.domain.friendship;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.error.InvalidValueException;
import com.pagenow.userapi.domain.error.NotFoundException;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One user blocking another. While it stands, the two have no relationship and can start none; only the blocker
 * lifts it. Blocking is the one way to end a relationship that the other side cannot undo.
 */
public record Block(UserId blocker, UserId blocked, Instant blockedAt) {

    static final String ONESELF = "cannot block oneself";
    static final String NOT_BLOCKED = "You do not block this user";
    static final String SEPARATED = "A block between these users forbids this";

    /**
     * A block of {@code blocked} by {@code blocker}; blocking oneself is invalid.
     *
     * @param blocker who blocks
     * @param blocked who is blocked
     * @param blockedAt when the block began
     * @throws InvalidValueException when the two are the same user
     */
    public Block {
        Objects.requireNonNull(blocker, "blocker");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(blockedAt, "blockedAt");
        requireTwoUsers(blocker, blocked);
    }

    /**
     * A new block; whatever relationship the two had ends with it (see {@link #ends}).
     *
     * @param blocker who blocks
     * @param blocked who is blocked
     * @param now when
     * @return the block
     */
    public static Block of(UserId blocker, UserId blocked, Instant now) {
        return new Block(blocker, blocked, now);
    }

    /**
     * A block as stored (for repositories).
     *
     * @param blocker who blocks
     * @param blocked who is blocked
     * @param blockedAt when the block began
     * @return the block
     */
    public static Block reconstitute(UserId blocker, UserId blocked, Instant blockedAt) {
        return new Block(blocker, blocked, blockedAt);
    }

    /**
     * Nobody blocks themselves; the error names the {@code blocked} user, which an adapter maps to its own field.
     *
     * @param blocker who blocks
     * @param blocked who is blocked
     * @throws InvalidValueException when the two are the same user
     */
    public static void requireTwoUsers(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw new InvalidValueException("blocked", ONESELF);
        }
    }

    /**
     * Whether blocking ends {@code friendship}: any relationship between the two, in either direction.
     *
     * @param friendship a relationship
     * @return true when it is between the blocker and the blocked user
     */
    public boolean ends(Friendship friendship) {
        return friendship.involves(blocker) && friendship.involves(blocked);
    }

    /**
     * Unblocking what the caller does not block: nothing to lift (the other side's block is not theirs).
     *
     * @return the exception to throw
     */
    public static NotFoundException notBlocked() {
        return new NotFoundException(NOT_BLOCKED);
    }

    /** What a block between two users forbids: a friend request, either way. */
    static ForbiddenException separated() {
        return new ForbiddenException(SEPARATED);
    }
}
