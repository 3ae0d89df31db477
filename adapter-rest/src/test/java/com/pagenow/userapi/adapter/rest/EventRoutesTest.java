package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.EventStreamHandler;
import com.pagenow.userapi.adapter.rest.http.server.Json;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.PersonName;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The event names and data shapes of API.md's "Live events". */
class EventRoutesTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Instant AT = Instant.parse("2024-03-01T10:00:00.123456Z");

    @Test
    void aFriendRequestNamesTheRequesterAndWhen() {
        EventStreamHandler.Message message =
                EventRoutes.message(new StreamedEvent.FriendRequest(3, UserId.of("bob"), AT));
        assertThat(message.event()).isEqualTo("friend_request");
        assertThat(json(message)).hasToString("{\"user_id\":\"bob\",\"requested_at\":\"2024-03-01T10:00:00.123456Z\"}");
    }

    @Test
    void anAcceptNamesTheAccepterAndWhen() {
        EventStreamHandler.Message message =
                EventRoutes.message(new StreamedEvent.FriendAccept(4, UserId.of("ann"), AT));
        assertThat(message.event()).isEqualTo("friend_accept");
        assertThat(json(message)).hasToString("{\"user_id\":\"ann\",\"accepted_at\":\"2024-03-01T10:00:00.123456Z\"}");
    }

    @Test
    void aShareIsOneItemOfTheReceivedListWithSeenAtNull() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        ReceivedShare share = new ReceivedShare(
                ShareEventId.of(id),
                new UserBasics(UserId.of("ann"), PersonName.of("Ann"), PersonName.of("Lee"), "png"),
                AT,
                "https://example.com",
                "Title",
                null);

        EventStreamHandler.Message message = EventRoutes.message(new StreamedEvent.Share(5, share));

        assertThat(message.event()).isEqualTo("share");
        assertThat(json(message)).isEqualTo(JSON.valueToTree(ShareNotificationResponses.Received.of(share)));
        assertThat(json(message).get("seen_at").isNull()).isTrue();
        assertThat(json(message).fieldNames())
                .toIterable()
                .containsExactly(
                        "event_id",
                        "user_id",
                        "sent_at",
                        "url",
                        "title",
                        "seen_at",
                        "first_name",
                        "last_name",
                        "profile_image_extension");
    }

    private static JsonNode json(EventStreamHandler.Message message) {
        return JSON.valueToTree(message.data());
    }
}
