package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.readmodel.UserBasics;

import java.time.Instant;

/** The share notification shapes of docs/api.md; names and images are the sender's (received) or recipient's (sent). */
final class ShareNotificationResponses {

    private ShareNotificationResponses() {}

    record Received(
            String eventId,
            String userId,
            Instant sentAt,
            String url,
            String title,
            Instant seenAt,
            String firstName,
            String lastName,
            String profileImageExtension) {

        static Received of(ReceivedShare share) {
            UserBasics sender = share.sender();
            return new Received(
                    share.eventId().toString(),
                    sender == null ? null : sender.id().value(),
                    share.sentAt(),
                    share.url(),
                    share.title(),
                    share.seenAt(),
                    sender == null ? null : sender.firstName().value(),
                    sender == null ? null : sender.lastName().value(),
                    sender == null ? null : sender.profileImageExtension());
        }
    }

    /** {@code sent_to} and the person fields are the recipient's for a personal share, else null. */
    record Sent(
            String eventId,
            String url,
            String title,
            Instant sentAt,
            String sentTo,
            long notSeenCount,
            String firstName,
            String lastName,
            String profileImageExtension) {

        static Sent of(SentShare share) {
            UserBasics recipient = share.recipient();
            return new Sent(
                    share.eventId().toString(),
                    share.url(),
                    share.title(),
                    share.sentAt(),
                    recipient == null ? null : recipient.id().value(),
                    share.notSeenCount(),
                    recipient == null ? null : recipient.firstName().value(),
                    recipient == null ? null : recipient.lastName().value(),
                    recipient == null ? null : recipient.profileImageExtension());
        }
    }
}
