package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/** One recipient's copy of a share event: unseen until the recipient marks it seen ({@code seenAt}). */
public record ShareDelivery(ShareEventId eventId, UserId recipient, Instant seenAt) {

    /**
     * Checks that the copy names its share and its recipient.
     *
     * @param eventId the share
     * @param recipient whose copy
     * @param seenAt when the recipient saw it, or null
     */
    public ShareDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recipient, "recipient");
    }

    /**
     * A recipient's copy of a new share, not seen yet.
     *
     * @param eventId the share
     * @param recipient whose copy
     * @return the unseen copy
     */
    public static ShareDelivery unseen(ShareEventId eventId, UserId recipient) {
        return new ShareDelivery(eventId, recipient, null);
    }

    /**
     * Whether the recipient marked it seen.
     *
     * @return true when seen
     */
    public boolean isSeen() {
        return seenAt != null;
    }

    /**
     * Only the recipient marks their copy seen; a copy already seen keeps the time it was first seen.
     *
     * @param caller who marks it
     * @param now when
     * @return the seen copy
     * @throws ForbiddenException when the caller is not the recipient
     */
    public ShareDelivery markSeenBy(UserId caller, Instant now) {
        if (!recipient.equals(caller)) {
            throw new ForbiddenException("Only the recipient can mark a share seen");
        }
        return isSeen() ? this : new ShareDelivery(eventId, recipient, Objects.requireNonNull(now, "now"));
    }
}
