package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.LiveEventFeed;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox in memory: each recipient's stream numbered from 1. A share is read back with its id and time only
 * (the real outbox joins the share and its sender). {@link #failNextReads} makes reads fail, as an outage would.
 */
public class InMemoryLiveEventOutbox implements LiveEventOutbox, LiveEventFeed {

    private record Row(UserId recipient, long id, LiveEvent event) {}

    private final List<Row> rows = new ArrayList<>();
    private final Map<UserId, Long> latest = new HashMap<>();
    private final AtomicInteger failingReads = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public synchronized void record(LiveEvent event) {
        for (UserId recipient : event.recipients().stream()
                .sorted(java.util.Comparator.comparing(UserId::value))
                .toList()) {
            long id = latest.merge(recipient, 1L, Long::sum);
            rows.add(new Row(recipient, id, event));
        }
    }

    @Override
    public synchronized List<StreamedEvent> after(UserId recipient, long afterId, int limit) {
        reads.incrementAndGet();
        if (failingReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database unavailable (fake)");
        }
        return rows.stream()
                .filter(row -> row.recipient().equals(recipient) && row.id() > afterId)
                .limit(limit)
                .map(InMemoryLiveEventOutbox::streamed)
                .toList();
    }

    @Override
    public synchronized long latestId(UserId recipient) {
        if (failingReads.get() > 0) {
            failingReads.decrementAndGet();
            throw new IllegalStateException("database unavailable (fake)");
        }
        return latest.getOrDefault(recipient, 0L);
    }

    @Override
    public synchronized int deleteOlderThan(Instant cutoff, int limit) {
        List<Row> old = rows.stream()
                .filter(row -> row.event().occurredAt().isBefore(cutoff))
                .limit(limit)
                .toList();
        rows.removeAll(old);
        return old.size();
    }

    /** Every stored event of {@code recipient}, oldest first. */
    public synchronized List<StreamedEvent> of(UserId recipient) {
        return after(recipient, 0, Integer.MAX_VALUE);
    }

    public synchronized int size() {
        return rows.size();
    }

    public void failNextReads(int count) {
        failingReads.set(count);
    }

    public int reads() {
        return reads.get();
    }

    private static StreamedEvent streamed(Row row) {
        if (row.event() instanceof LiveEvent.FriendRequested requested) {
            return new StreamedEvent.FriendRequest(row.id(), requested.requester(), requested.requestedAt());
        }
        if (row.event() instanceof LiveEvent.FriendAccepted accepted) {
            return new StreamedEvent.FriendAccept(row.id(), accepted.accepter(), accepted.acceptedAt());
        }
        LiveEvent.Shared shared = (LiveEvent.Shared) row.event();
        return new StreamedEvent.Share(
                row.id(), new ReceivedShare(shared.eventId(), null, shared.sentAt(), "", "", null));
    }
}
