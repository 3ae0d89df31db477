package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/** One recipient's copy of a share event: unseen until the recipient marks it seen ({@code seenAt}). */
public record ShareDelivery(ShareEventId eventId, UserId recipient, Instant seenAt) {

    /** Checks that the copy names its share and its recipient. */
    public ShareDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** A recipient's copy of a new share, not seen yet. */
    public static ShareDelivery unseen(ShareEventId eventId, UserId recipient) {
        return new ShareDelivery(eventId, recipient, null);
    }

    /** Whether the recipient marked it seen. */
    public boolean isSeen() {
        return seenAt != null;
    }

    /** Only the recipient marks their copy seen; a copy already seen keeps the time it was first seen. */
    public ShareDelivery markSeenBy(UserId caller, Instant now) {
        if (!recipient.equals(caller)) {
            throw new ForbiddenException("Only the recipient can mark a share seen");
        }
        return isSeen() ? this : new ShareDelivery(eventId, recipient, Objects.requireNonNull(now, "now"));
    }
}
