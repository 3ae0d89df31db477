package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page a user shares, with all accepted friends or with one of them ({@code sentTo}). The event id is given by
 * the database when the share is stored, as the old service did.
 */
public record ShareNotification(UserId sender, PageUrl url, PageTitle title, Instant sentAt, UserId sentTo) {

    public ShareNotification {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public static ShareNotification toAllFriends(UserId sender, PageUrl url, PageTitle title, Instant now) {
        return new ShareNotification(sender, url, title, now, null);
    }

    /** A personal share goes only to an accepted friend of the sender. */
    public static ShareNotification toFriend(UserId sender, UserId recipient, Set<UserId> sendersFriends,
                                             PageUrl url, PageTitle title, Instant now) {
        if (!sendersFriends.contains(recipient)) {
            throw new ForbiddenException("You can only share with your friends");
        }
        return new ShareNotification(sender, url, title, now, recipient);
    }

    public Optional<UserId> personalRecipient() {
        return Optional.ofNullable(sentTo);
    }
}
