package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
            @JsonUnwrapped Person sender) {

        static Received of(ReceivedShare share) {
            return new Received(
                    share.eventId().toString(),
                    Person.id(share.sender()),
                    share.sentAt(),
                    share.url(),
                    share.title(),
                    share.seenAt(),
                    Person.of(share.sender()));
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
            @JsonUnwrapped Person recipient) {

        static Sent of(SentShare share) {
            return new Sent(
                    share.eventId().toString(),
                    share.url(),
                    share.title(),
                    share.sentAt(),
                    Person.id(share.recipient()),
                    share.notSeenCount(),
                    Person.of(share.recipient()));
        }
    }

    /** The other person's name and image fields, each null when there is no such person. */
    record Person(String firstName, String lastName, String profileImageExtension) {

        static Person of(UserBasics user) {
            return user == null
                    ? new Person(null, null, null)
                    : new Person(user.firstName().value(), user.lastName().value(), user.profileImageExtension());
        }

        static String id(UserBasics user) {
            return user == null ? null : user.id().value();
        }
    }
}
