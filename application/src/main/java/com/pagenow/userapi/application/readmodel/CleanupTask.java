package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Work outside the database that a deletion recorded in its transaction: delete the profile image object, delete
 * the sign-in account. Retried with exponential backoff, from {@link #FIRST_RETRY} up to {@link #LAST_RETRY}.
 *
 * @param id the task's id in the work table
 * @param kind what is to be deleted
 * @param user whose
 * @param failedAttempts how many attempts failed so far
 */
public record CleanupTask(long id, Kind kind, UserId user, int failedAttempts) {

    /** The wait after the first failed attempt. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** The longest wait between attempts. */
    public static final Duration LAST_RETRY = Duration.ofMinutes(5);

    /**
     * Requires {@code kind} and {@code user}.
     *
     * @param id the task's id in the work table
     * @param kind what is to be deleted
     * @param user whose
     * @param failedAttempts how many attempts failed so far
     */
    public CleanupTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
    }

    /**
     * When to try again after this attempt failed: twice the last wait, at most {@link #LAST_RETRY}.
     *
     * @param now when this attempt failed
     * @return when to try again
     */
    public Instant retryAt(Instant now) {
        int doublings = Math.min(failedAttempts, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
    }

    /** What is to be deleted; the code is what the work table stores. */
    public enum Kind {
        /** The user's profile image object in the image store. */
        PROFILE_IMAGE("profile_image"),
        /** The user's account at the sign-in provider. */
        SIGN_IN_ACCOUNT("sign_in_account");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /**
         * The code the work table stores.
         *
         * @return the code
         */
        public String code() {
            return code;
        }

        /**
         * The kind a stored code names.
         *
         * @param code the stored code
         * @return the kind
         * @throws IllegalArgumentException when no kind has that code
         */
        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown cleanup kind " + code);
        }
    }
}
