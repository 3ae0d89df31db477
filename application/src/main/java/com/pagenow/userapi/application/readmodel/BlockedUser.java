package com.pagenow.userapi.application.readmodel;

import java.time.Instant;
import java.util.Objects;

/**
 * A user the caller blocks, as a summary (status none, no mutual count), with when the block began.
 *
 * @param user the blocked user
 * @param blockedAt when the block began
 */
public record BlockedUser(UserSummary user, Instant blockedAt) {

    /**
     * Requires both components.
     *
     * @param user the blocked user
     * @param blockedAt when the block began
     */
    public BlockedUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(blockedAt, "blockedAt");
    }
}
