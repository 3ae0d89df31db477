package com.pagenow.userapi.application.port.in.event;

import com.pagenow.userapi.application.port.in.Caller;

import java.time.Instant;
import java.util.Objects;

/**
 * Who subscribes, until when their token lets them ({@code expiresAt}, null if the token has no expiry), and the
 * {@code Last-Event-ID} they resume from as the client sent it (null for a new stream).
 *
 * @param caller who subscribes
 * @param expiresAt when the caller's token expires, or null
 * @param lastEventId the {@code Last-Event-ID} as sent, or null
 */
public record SubscribeToLiveEventsCommand(Caller caller, Instant expiresAt, String lastEventId) {

    /**
     * Requires {@code caller}.
     *
     * @param caller who subscribes
     * @param expiresAt when the caller's token expires, or null
     * @param lastEventId the {@code Last-Event-ID} as sent, or null
     */
    public SubscribeToLiveEventsCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
