package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.notification.ShareEventId;

import java.time.Instant;

/**
 * A share the viewer sent: {@code recipient} for a personal share, null for one sent to all friends;
 * {@code notSeenCount} recipients have not seen it yet (0 when it reached nobody).
 */
public record SentShare(
        ShareEventId eventId, String url, String title, Instant sentAt, UserBasics recipient, long notSeenCount) {}
