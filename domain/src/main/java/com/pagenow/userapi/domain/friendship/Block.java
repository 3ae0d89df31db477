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

    /** A block of {@code blocked} by {@code blocker}; blocking oneself is invalid. */
    public Block {
        Objects.requireNonNull(blocker, "blocker");
        Objects.requireNonNull(blocked, "blocked");
        Objects.requireNonNull(blockedAt, "blockedAt");
        requireTwoUsers(blocker, blocked);
    }

    /** A new block; whatever relationship the two had ends with it (see {@link #ends}). */
    public static Block of(UserId blocker, UserId blocked, Instant now) {
        return new Block(blocker, blocked, now);
    }

    /** A block as stored (for repositories). */
    public static Block reconstitute(UserId blocker, UserId blocked, Instant blockedAt) {
        return new Block(blocker, blocked, blockedAt);
    }

    /** Nobody blocks themselves; the error names the request's {@code user_id}. */
    public static void requireTwoUsers(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw new InvalidValueException("user_id", ONESELF);
        }
    }

    /** Whether blocking ends {@code friendship}: any relationship between the two, in either direction. */
    public boolean ends(Friendship friendship) {
        return friendship.involves(blocker) && friendship.involves(blocked);
    }

    /** Unblocking what the caller does not block: nothing to lift (the other side's block is not theirs). */
    public static NotFoundException notBlocked() {
        return new NotFoundException(NOT_BLOCKED);
    }

    /** What a block between two users forbids: a friend request, either way. */
    static ForbiddenException separated() {
        return new ForbiddenException(SEPARATED);
    }
}
