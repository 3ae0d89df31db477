package com.pagenow.userapi.application.port.in.event;

import com.pagenow.userapi.application.port.in.Caller;

import java.time.Instant;
import java.util.Objects;

/**
 * Who subscribes, until when their token lets them ({@code expiresAt}, null if the token has no expiry), and the
 * event id they resume after ({@code resumeAfter}: null for a new stream, 0 to resume from the oldest kept event).
 *
 * @param caller who subscribes
 * @param expiresAt when the caller's token expires, or null
 * @param resumeAfter the event id the stream resumes after, 0 for the oldest kept event, or null for a new stream
 */
public record SubscribeToLiveEventsCommand(Caller caller, Instant expiresAt, Long resumeAfter) {

    /**
     * Requires {@code caller}, and a {@code resumeAfter} that is not negative.
     *
     * @param caller who subscribes
     * @param expiresAt when the caller's token expires, or null
     * @param resumeAfter the event id the stream resumes after, 0 for the oldest kept event, or null for a new stream
     */
    public SubscribeToLiveEventsCommand {
        Objects.requireNonNull(caller, "caller");
        if (resumeAfter != null && resumeAfter < 0) {
            throw new IllegalArgumentException("resumeAfter must not be negative: " + resumeAfter);
        }
    }

    /**
     * The command for the {@code Last-Event-ID} a client sent: an id that is not a number the stream can have given
     * (a client of another database) resumes from the oldest kept event, as the contract says.
     *
     * @param caller who subscribes
     * @param expiresAt when the caller's token expires, or null
     * @param lastEventId the {@code Last-Event-ID} as sent, or null for a new stream
     * @return the command
     */
    public static SubscribeToLiveEventsCommand of(Caller caller, Instant expiresAt, String lastEventId) {
        if (lastEventId == null) {
            return new SubscribeToLiveEventsCommand(caller, expiresAt, null);
        }
        long resumeAfter;
        try {
            resumeAfter = Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException notANumber) {
            resumeAfter = 0;
        }
        return new SubscribeToLiveEventsCommand(caller, expiresAt, resumeAfter);
    }
}
