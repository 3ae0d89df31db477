package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened which its recipients hear about on their live event stream, as it is recorded in the
 * transaction of the change. Each recipient gets one event with the next id of their own stream.
 */
public sealed interface LiveEvent permits LiveEvent.FriendRequested, LiveEvent.FriendAccepted, LiveEvent.Shared {

    /**
     * Who hears about it; never empty except for a share by someone without friends.
     *
     * @return the recipients
     */
    Set<UserId> recipients();

    /**
     * When it happened; the outbox keeps it for a day from then.
     *
     * @return when it happened
     */
    Instant occurredAt();

    /**
     * Someone asked the addressee to be friends.
     *
     * @param addressee who was asked
     * @param requester who asked
     * @param requestedAt when
     */
    record FriendRequested(UserId addressee, UserId requester, Instant requestedAt) implements LiveEvent {

        /**
         * Requires every component.
         *
         * @param addressee who was asked
         * @param requester who asked
         * @param requestedAt when
         */
        public FriendRequested {
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }

        /**
         * The event of a new request.
         *
         * @param request the pending request
         * @return the event, for its addressee
         */
        public static FriendRequested of(Friendship request) {
            return new FriendRequested(request.addressee(), request.requester(), request.requestedAt());
        }

        @Override
        public Set<UserId> recipients() {
            return Set.of(addressee);
        }

        @Override
        public Instant occurredAt() {
            return requestedAt;
        }
    }

    /**
     * The addressee accepted the requester's request.
     *
     * @param requester who asked
     * @param accepter who accepted
     * @param acceptedAt when
     */
    record FriendAccepted(UserId requester, UserId accepter, Instant acceptedAt) implements LiveEvent {

        /**
         * Requires every component.
         *
         * @param requester who asked
         * @param accepter who accepted
         * @param acceptedAt when
         */
        public FriendAccepted {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(accepter, "accepter");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
        }

        /**
         * The event of an accepted request.
         *
         * @param accepted the accepted friendship
         * @return the event, for its requester
         * @throws IllegalArgumentException when the friendship is not accepted
         */
        public static FriendAccepted of(Friendship accepted) {
            if (!accepted.isAccepted()) {
                throw new IllegalArgumentException("the friendship is not accepted");
            }
            return new FriendAccepted(accepted.requester(), accepted.addressee(), accepted.acceptedAt());
        }

        @Override
        public Set<UserId> recipients() {
            return Set.of(requester);
        }

        @Override
        public Instant occurredAt() {
            return acceptedAt;
        }
    }

    /**
     * A share stored as {@code eventId}; each recipient's event is their copy of it.
     *
     * @param eventId the stored share event
     * @param sender who shared
     * @param sentAt when
     * @param recipients who received a copy
     */
    record Shared(ShareEventId eventId, UserId sender, Instant sentAt, Set<UserId> recipients) implements LiveEvent {

        /**
         * Requires every component and copies the recipients.
         *
         * @param eventId the stored share event
         * @param sender who shared
         * @param sentAt when
         * @param recipients who received a copy
         */
        public Shared {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(sentAt, "sentAt");
            recipients = Set.copyOf(recipients);
        }

        /**
         * The event of a stored share.
         *
         * @param eventId the share's id
         * @param share the share
         * @return the event, for every recipient
         */
        public static Shared of(ShareEventId eventId, ShareNotification share) {
            return new Shared(eventId, share.sender(), share.sentAt(), share.recipients());
        }

        @Override
        public Instant occurredAt() {
            return sentAt;
        }
    }
}
