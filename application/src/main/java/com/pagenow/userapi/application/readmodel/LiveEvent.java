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

    /** Who hears about it; never empty except for a share by someone without friends. */
    Set<UserId> recipients();

    /** When it happened; the outbox keeps it for a day from then. */
    Instant occurredAt();

    /** Someone asked the addressee to be friends. */
    record FriendRequested(UserId addressee, UserId requester, Instant requestedAt) implements LiveEvent {

        public FriendRequested {
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }

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

    /** The addressee accepted the requester's request. */
    record FriendAccepted(UserId requester, UserId accepter, Instant acceptedAt) implements LiveEvent {

        public FriendAccepted {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(accepter, "accepter");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
        }

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

    /** A share stored as {@code eventId}; each recipient's event is their copy of it. */
    record Shared(ShareEventId eventId, UserId sender, Instant sentAt, Set<UserId> recipients) implements LiveEvent {

        public Shared {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(sentAt, "sentAt");
            recipients = Set.copyOf(recipients);
        }

        public static Shared of(ShareEventId eventId, ShareNotification share) {
            return new Shared(eventId, share.sender(), share.sentAt(), share.recipients());
        }

        @Override
        public Instant occurredAt() {
            return sentAt;
        }
    }
}
