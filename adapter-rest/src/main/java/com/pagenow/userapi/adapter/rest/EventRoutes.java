package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.EventStreamHandler;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.adapter.rest.http.server.Json;
import com.pagenow.userapi.application.port.in.AuthenticateUntilExpiryUseCase;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsUseCase;
import com.pagenow.userapi.application.readmodel.StreamedEvent;

import java.time.Duration;
import java.time.Instant;

/** {@code GET /events}: the caller's live events as Server-Sent Events, in the shapes of API.md. */
public final class EventRoutes implements Routes {

    /** How often an idle stream gets a comment line, so that proxies keep it open. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(25);

    private final EventStreamHandler handler;

    public EventRoutes(
            AuthenticateUntilExpiryUseCase authentication, SubscribeToLiveEventsUseCase events, Duration heartbeat) {
        this.handler = new EventStreamHandler(authentication, events, EventRoutes::message, heartbeat, Json.mapper());
    }

    @Override
    public void register(Router router) {
        router.rawGet("/events", handler);
    }

    @Override
    public void shutdown() {
        handler.closeAll();
    }

    /** Streams open on this instance. */
    public int openStreams() {
        return handler.openStreams();
    }

    static EventStreamHandler.Message message(StreamedEvent event) {
        if (event instanceof StreamedEvent.FriendRequest request) {
            return new EventStreamHandler.Message(
                    "friend_request", new FriendRequestData(request.requester().value(), request.requestedAt()));
        }
        if (event instanceof StreamedEvent.FriendAccept accept) {
            return new EventStreamHandler.Message(
                    "friend_accept", new FriendAcceptData(accept.accepter().value(), accept.acceptedAt()));
        }
        StreamedEvent.Share share = (StreamedEvent.Share) event;
        return new EventStreamHandler.Message("share", ShareNotificationResponses.Received.of(share.share()));
    }

    record FriendRequestData(String userId, Instant requestedAt) {}

    record FriendAcceptData(String userId, Instant acceptedAt) {}
}
