package com.pagenow.userapi.domain.notification;

import com.pagenow.userapi.domain.error.ForbiddenException;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page a user shares, with all accepted friends or with one of them ({@code sentTo}), and who receives a copy.
 * Recipients are always accepted friends of the sender at the time of sharing. The event id is given by the
 * database when the share is stored, as the old service did.
 */
public record ShareNotification(
        UserId sender, PageUrl url, PageTitle title, Instant sentAt, UserId sentTo, Set<UserId> recipients) {

    /**
     * Checks the share: the sender never receives it, a personal share goes to its one recipient only.
     *
     * @param sender who shares
     * @param url the page's URL
     * @param title the page's title
     * @param sentAt when
     * @param sentTo the one friend of a personal share, or null
     * @param recipients who receive a copy
     */
    public ShareNotification {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sentAt, "sentAt");
        recipients = Set.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.contains(sender)) {
            throw new IllegalArgumentException("the sender cannot receive their own share");
        }
        if (sentTo != null && !recipients.equals(Set.of(sentTo))) {
            throw new IllegalArgumentException("a personal share goes to its one recipient only");
        }
    }

    /**
     * A share with every accepted friend the sender has now; with none, the event is still recorded and reaches
     * nobody.
     *
     * @param sender who shares
     * @param acceptedFriends the sender's accepted friends now
     * @param url the page's URL
     * @param title the page's title
     * @param now when
     * @return the share
     */
    public static ShareNotification toAllFriends(
            UserId sender, Set<UserId> acceptedFriends, PageUrl url, PageTitle title, Instant now) {
        return new ShareNotification(sender, url, title, now, null, acceptedFriends);
    }

    /**
     * A personal share. {@code relationship} is whatever is stored between sender and recipient; only an accepted
     * friendship lets the share through (an unknown user has none, so cannot be told apart from a stranger).
     *
     * @param sender who shares
     * @param recipient the friend
     * @param relationship what is stored between the two, if anything
     * @param url the page's URL
     * @param title the page's title
     * @param now when
     * @return the share
     */
    public static ShareNotification toFriend(
            UserId sender,
            UserId recipient,
            Optional<Friendship> relationship,
            PageUrl url,
            PageTitle title,
            Instant now) {
        boolean friends = relationship
                .filter(Friendship::isAccepted)
                .filter(f -> f.involves(sender) && f.involves(recipient) && !sender.equals(recipient))
                .isPresent();
        if (!friends) {
            throw new ForbiddenException("You can only share with your friends");
        }
        return new ShareNotification(sender, url, title, now, recipient, Set.of(recipient));
    }

    /**
     * The one friend a personal share was sent to; empty for a share with all friends.
     *
     * @return the recipient, or empty
     */
    public Optional<UserId> personalRecipient() {
        return Optional.ofNullable(sentTo);
    }

    /**
     * Whether it was sent to one friend rather than to all.
     *
     * @return true for a personal share
     */
    public boolean isPersonal() {
        return sentTo != null;
    }
}
