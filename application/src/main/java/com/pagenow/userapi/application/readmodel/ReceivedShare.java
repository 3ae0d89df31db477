package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.notification.ShareEventId;

import java.time.Instant;

/**
 * A share the viewer received, with their own {@code seenAt} (null while unseen). {@code url} and {@code title}
 * are as stored (the old service stored them unchecked); {@code sender} is null only for old rows without one.
 */
public record ReceivedShare(
        ShareEventId eventId, UserBasics sender, Instant sentAt, String url, String title, Instant seenAt) {}
