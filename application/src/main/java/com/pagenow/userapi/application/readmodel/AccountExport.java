package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Everything the service holds about one user ({@code pagenow-export/1}): the profile, read when the export began,
 * and the lists, each read page by page when it is written, oldest first. Of other users it names only what the
 * user can already read: the ids they deal with and the names of their friends.
 *
 * @param exportedAt when the export began
 * @param profile the user's profile, read when the export began
 * @param image the profile image with a download URL valid one hour, or null without one
 * @param lists where the lists are read from when written
 */
public record AccountExport(Instant exportedAt, User profile, Image image, Lists lists) {

    /** The format name and version the export states. */
    public static final String FORMAT = "pagenow-export/1";

    /**
     * An export of one user; all but the image are required.
     *
     * @param exportedAt when the export began
     * @param profile the profile, read then
     * @param image the profile image with a download URL valid one hour, or null without one
     * @param lists where the lists are read from when written
     */
    public AccountExport {
        Objects.requireNonNull(exportedAt);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(lists);
    }

    /**
     * Reads the accepted friends, oldest first.
     *
     * @param each receives each friend
     */
    public void friends(Consumer<Friend> each) {
        lists.friends(profile.id(), each);
    }

    /**
     * Reads the pending requests the user sent, oldest first.
     *
     * @param each receives each request
     */
    public void requestsSent(Consumer<Request> each) {
        lists.requestsSent(profile.id(), each);
    }

    /**
     * Reads the pending requests the user received, oldest first.
     *
     * @param each receives each request
     */
    public void requestsReceived(Consumer<Request> each) {
        lists.requestsReceived(profile.id(), each);
    }

    /**
     * Reads the users the user blocks, oldest first.
     *
     * @param each receives each block
     */
    public void blocks(Consumer<Blocked> each) {
        lists.blocks(profile.id(), each);
    }

    /**
     * Reads the shares the user sent, oldest first.
     *
     * @param each receives each share
     */
    public void sharesSent(Consumer<SentShare> each) {
        lists.sharesSent(profile.id(), each);
    }

    /**
     * Reads the user's copies of the shares they received, oldest first.
     *
     * @param each receives each share
     */
    public void sharesReceived(Consumer<ReceivedShare> each) {
        lists.sharesReceived(profile.id(), each);
    }

    /** Where the lists are read from, each oldest first, row by row (the export repository). */
    public interface Lists {

        /**
         * Reads the user's accepted friends.
         *
         * @param user whose
         * @param each receives each friend
         */
        void friends(UserId user, Consumer<Friend> each);

        /**
         * Reads the pending requests the user sent.
         *
         * @param user whose
         * @param each receives each request
         */
        void requestsSent(UserId user, Consumer<Request> each);

        /**
         * Reads the pending requests the user received.
         *
         * @param user whose
         * @param each receives each request
         */
        void requestsReceived(UserId user, Consumer<Request> each);

        /**
         * Reads the users the user blocks.
         *
         * @param user whose
         * @param each receives each block
         */
        void blocks(UserId user, Consumer<Blocked> each);

        /**
         * Reads the shares the user sent.
         *
         * @param user whose
         * @param each receives each share
         */
        void sharesSent(UserId user, Consumer<SentShare> each);

        /**
         * Reads the user's copies of the shares they received.
         *
         * @param user whose
         * @param each receives each share
         */
        void sharesReceived(UserId user, Consumer<ReceivedShare> each);
    }

    /**
     * The profile image.
     *
     * @param extension the image's file extension
     * @param uploadedAt when it was uploaded
     * @param url where to download it, valid one hour
     */
    public record Image(String extension, Instant uploadedAt, URI url) {}

    /**
     * An accepted friend.
     *
     * @param userId the friend
     * @param firstName the friend's first name
     * @param lastName the friend's last name
     * @param requestedAt when the request was sent
     * @param acceptedAt when it was accepted
     */
    public record Friend(UserId userId, String firstName, String lastName, Instant requestedAt, Instant acceptedAt) {}

    /**
     * A pending request, sent or received.
     *
     * @param userId the other user
     * @param requestedAt when the request was sent
     */
    public record Request(UserId userId, Instant requestedAt) {}

    /**
     * A user the user blocks.
     *
     * @param userId the blocked user
     * @param blockedAt when the block began
     */
    public record Blocked(UserId userId, Instant blockedAt) {}

    /**
     * {@code sentTo} is null for a share with all friends.
     *
     * @param eventId the share event
     * @param url the page's URL
     * @param title the page's title
     * @param sentAt when it was sent
     * @param sentTo the one friend it went to, or null
     */
    public record SentShare(UUID eventId, String url, String title, Instant sentAt, UserId sentTo) {}

    /**
     * The user's copy of a share they received.
     *
     * @param eventId the share event
     * @param sender who sent it
     * @param url the page's URL
     * @param title the page's title
     * @param sentAt when it was sent
     * @param seenAt when the user saw it, or null
     */
    public record ReceivedShare(
            UUID eventId, UserId sender, String url, String title, Instant sentAt, Instant seenAt) {}
}
