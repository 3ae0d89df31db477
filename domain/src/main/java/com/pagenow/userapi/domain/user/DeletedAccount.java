package com.pagenow.userapi.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user who left: the tombstone the sibling services read, and the rules of leaving. A deletion needs a recent
 * sign-in; afterwards only a token issued after the deletion may register the same user name again (a new, empty
 * profile), so that a copy of an old token cannot bring the account back.
 */
public record DeletedAccount(UserId userId, Instant deletedAt) {

    /** How recent a sign-in a deletion needs unless configured otherwise (API.md: 900 seconds). */
    public static final Duration DEFAULT_MAX_SIGN_IN_AGE = Duration.ofSeconds(900);

    /**
     * Requires both components.
     *
     * @param userId the user who left
     * @param deletedAt when
     */
    public DeletedAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }

    /**
     * Whether a sign-in at {@code authTime} is recent enough, at {@code now}, to delete the account. A token that
     * does not say when its user signed in is never recent enough.
     *
     * @param authTime when the user signed in, or null
     * @param now the time of the deletion
     * @param maxAge how recent the sign-in must be
     * @return true when recent enough
     */
    public static boolean signInRecentEnough(Instant authTime, Instant now, Duration maxAge) {
        return authTime != null && !authTime.plus(maxAge).isBefore(now);
    }

    /**
     * Whether a token issued at {@code issuedAt} may register this user name again: only one issued afterwards.
     *
     * @param issuedAt when the token was issued, or null
     * @return true when it was issued after the deletion
     */
    public boolean admitsTokenIssuedAt(Instant issuedAt) {
        return issuedAt != null && issuedAt.isAfter(deletedAt);
    }

    /**
     * Every key the user's profile image may be stored under, whatever its extension.
     *
     * @return one key per allowed extension
     */
    public List<ProfileImageKey> profileImageKeys() {
        return ImageExtension.ALLOWED.stream()
                .map(ext -> new ProfileImageKey(userId, new ImageExtension(ext)))
                .toList();
    }
}
