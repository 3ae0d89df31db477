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
 */
public final class AccountExport {

    public static final String FORMAT = "pagenow-export/1";

    private final Instant exportedAt;
    private final User profile;
    private final Image image;
    private final Lists lists;

    public AccountExport(Instant exportedAt, User profile, Image image, Lists lists) {
        this.exportedAt = Objects.requireNonNull(exportedAt);
        this.profile = Objects.requireNonNull(profile);
        this.image = image;
        this.lists = Objects.requireNonNull(lists);
    }

    public Instant exportedAt() {
        return exportedAt;
    }

    public User profile() {
        return profile;
    }

    /** The profile image with a download URL valid one hour, or null without one. */
    public Image image() {
        return image;
    }

    public void friends(Consumer<Friend> each) {
        lists.friends(profile.id(), each);
    }

    public void requestsSent(Consumer<Request> each) {
        lists.requestsSent(profile.id(), each);
    }

    public void requestsReceived(Consumer<Request> each) {
        lists.requestsReceived(profile.id(), each);
    }

    public void blocks(Consumer<Blocked> each) {
        lists.blocks(profile.id(), each);
    }

    public void sharesSent(Consumer<SentShare> each) {
        lists.sharesSent(profile.id(), each);
    }

    public void sharesReceived(Consumer<ReceivedShare> each) {
        lists.sharesReceived(profile.id(), each);
    }

    /** Where the lists are read from, each oldest first, row by row (the export repository). */
    public interface Lists {

        void friends(UserId user, Consumer<Friend> each);

        void requestsSent(UserId user, Consumer<Request> each);

        void requestsReceived(UserId user, Consumer<Request> each);

        void blocks(UserId user, Consumer<Blocked> each);

        void sharesSent(UserId user, Consumer<SentShare> each);

        void sharesReceived(UserId user, Consumer<ReceivedShare> each);
    }

    public record Image(String extension, Instant uploadedAt, URI url) {
    }

    public record Friend(UserId userId, String firstName, String lastName, Instant requestedAt, Instant acceptedAt) {
    }

    public record Request(UserId userId, Instant requestedAt) {
    }

    public record Blocked(UserId userId, Instant blockedAt) {
    }

    /** {@code sentTo} is null for a share with all friends. */
    public record SentShare(UUID eventId, String url, String title, Instant sentAt, UserId sentTo) {
    }

    public record ReceivedShare(UUID eventId, UserId sender, String url, String title, Instant sentAt,
                                Instant seenAt) {
    }
}
