package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.EventOutbox;
import com.pagenow.userapi.adapter.persistence.jooq.tables.ShareNotificationTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.application.port.out.LiveEventFeed;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.readmodel.LiveEvent;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.EVENT_OUTBOX;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.EVENT_STREAM;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.val;

/**
 * The live event outbox on {@code event_stream} (each recipient stream's last id) and {@code event_outbox} (the
 * events, V8). Recording is three statements whatever the number of recipients: raise the counters, copy the new
 * ids into the outbox, and on PostgreSQL {@code NOTIFY} the recipients (delivered to the listeners at commit).
 */
final class JooqLiveEventOutbox implements LiveEventOutbox, LiveEventFeed {

    static final String FRIEND_REQUEST = "friend_request";
    static final String FRIEND_ACCEPT = "friend_accept";
    static final String SHARE = "share";

    private static final EventOutbox EVENT = EVENT_OUTBOX.as("event");
    private static final ShareNotificationTable SHARED = SHARE_NOTIFICATION_TABLE.as("shared");
    private static final UserTable SENDER = USER_TABLE.as("sender");

    private final JooqContext db;

    JooqLiveEventOutbox(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public void record(LiveEvent event) {
        if (event.recipients().isEmpty()) {
            return;
        }
        // Sorted: writers lock the counter rows in one order, so two shares with common friends cannot deadlock.
        String[] recipients =
                event.recipients().stream().map(UserId::value).sorted().toArray(String[]::new);
        db.inTransaction(() -> {
            DSLContext dsl = db.dsl();
            Table<?> recipientIds = unnest(recipients).as("recipient", "user_id");
            Field<String> recipientId = field(name("recipient", "user_id"), String.class);
            dsl.insertInto(EVENT_STREAM, EVENT_STREAM.RECIPIENT_ID, EVENT_STREAM.LAST_EVENT_ID)
                    .select(select(recipientId, val(1L)).from(recipientIds).orderBy(recipientId))
                    .onConflict(EVENT_STREAM.RECIPIENT_ID)
                    .doUpdate()
                    .set(EVENT_STREAM.LAST_EVENT_ID, EVENT_STREAM.LAST_EVENT_ID.plus(1L))
                    .execute();
            dsl.insertInto(
                            EVENT_OUTBOX,
                            EVENT_OUTBOX.RECIPIENT_ID,
                            EVENT_OUTBOX.EVENT_ID,
                            EVENT_OUTBOX.KIND,
                            EVENT_OUTBOX.SUBJECT_ID,
                            EVENT_OUTBOX.SHARE_EVENT_ID,
                            EVENT_OUTBOX.OCCURRED_AT)
                    .select(select(
                                    EVENT_STREAM.RECIPIENT_ID,
                                    EVENT_STREAM.LAST_EVENT_ID,
                                    val(kind(event)),
                                    val(subject(event).value()),
                                    val(shareEventId(event), EVENT_OUTBOX.SHARE_EVENT_ID),
                                    val(event.occurredAt(), EVENT_OUTBOX.OCCURRED_AT))
                            .from(EVENT_STREAM)
                            .where(condition("{0} = ANY({1})", EVENT_STREAM.RECIPIENT_ID, val(recipients))))
                    .execute();
            if (db.dialect() == SQLDialect.POSTGRES) {
                dsl.fetch(
                        "SELECT pg_notify(?, chunk) FROM unnest(?::text[]) AS payload (chunk)",
                        LiveEventChannel.NAME,
                        LiveEventChannel.payloads(recipients));
            }
            return null;
        });
    }

    /** One query: the events with the share and its sender joined, as the list of received shares shows them. */
    @Override
    public List<StreamedEvent> after(UserId recipient, long afterId, int limit) {
        return db.dsl()
                .select(
                        EVENT.EVENT_ID,
                        EVENT.KIND,
                        EVENT.SUBJECT_ID,
                        EVENT.SHARE_EVENT_ID,
                        EVENT.OCCURRED_AT,
                        coalesce(SHARED.SENT_AT, EVENT.OCCURRED_AT).as("sent_at"),
                        SHARED.URL,
                        SHARED.TITLE,
                        SENDER.USER_ID,
                        SENDER.FIRST_NAME,
                        SENDER.LAST_NAME,
                        SENDER.PROFILE_IMAGE_EXTENSION)
                .from(EVENT)
                .leftJoin(SHARED)
                .on(SHARED.EVENT_ID.eq(EVENT.SHARE_EVENT_ID))
                .leftJoin(SENDER)
                .on(SENDER.USER_ID.eq(SHARED.USER_ID))
                .where(EVENT.RECIPIENT_ID.eq(recipient.value()))
                .and(EVENT.EVENT_ID.gt(afterId))
                .orderBy(EVENT.EVENT_ID)
                .limit(limit)
                .fetch(JooqLiveEventOutbox::streamed);
    }

    @Override
    public long latestId(UserId recipient) {
        Long latest = db.dsl()
                .select(EVENT_STREAM.LAST_EVENT_ID)
                .from(EVENT_STREAM)
                .where(EVENT_STREAM.RECIPIENT_ID.eq(recipient.value()))
                .fetchOne(EVENT_STREAM.LAST_EVENT_ID);
        return latest == null ? 0 : latest;
    }

    /** One statement over the {@code occurred_at} index; other instances purging at once only find less. */
    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        return db.dsl()
                .deleteFrom(EVENT_OUTBOX)
                .where(row(EVENT_OUTBOX.RECIPIENT_ID, EVENT_OUTBOX.EVENT_ID)
                        .in(select(EVENT_OUTBOX.RECIPIENT_ID, EVENT_OUTBOX.EVENT_ID)
                                .from(EVENT_OUTBOX)
                                .where(EVENT_OUTBOX.OCCURRED_AT.lt(cutoff))
                                .limit(limit)))
                .execute();
    }

    private static StreamedEvent streamed(Record row) {
        long id = row.get(EVENT.EVENT_ID);
        UserId subject = UserId.of(row.get(EVENT.SUBJECT_ID));
        Instant occurredAt = row.get(EVENT.OCCURRED_AT);
        return switch (row.get(EVENT.KIND)) {
            case FRIEND_REQUEST -> new StreamedEvent.FriendRequest(id, subject, occurredAt);
            case FRIEND_ACCEPT -> new StreamedEvent.FriendAccept(id, subject, occurredAt);
            case SHARE ->
                new StreamedEvent.Share(
                        id,
                        new ReceivedShare(
                                ShareEventId.of(row.get(EVENT.SHARE_EVENT_ID)), sender(row),
                                row.get("sent_at", EVENT.OCCURRED_AT.getConverter()), row.get(SHARED.URL),
                                row.get(SHARED.TITLE), null));
            default -> throw new IllegalStateException("unknown event kind " + row.get(EVENT.KIND));
        };
    }

    /** The sharer's basics, as the list of received shares shows them (null for an old share without sender). */
    private static UserBasics sender(Record row) {
        String id = row.get(SENDER.USER_ID);
        if (id == null) {
            return null;
        }
        return new UserBasics(
                UserId.of(id),
                JooqUserRepository.storedName(row.get(SENDER.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(SENDER.LAST_NAME)),
                row.get(SENDER.PROFILE_IMAGE_EXTENSION));
    }

    private static String kind(LiveEvent event) {
        if (event instanceof LiveEvent.FriendRequested) {
            return FRIEND_REQUEST;
        }
        return event instanceof LiveEvent.FriendAccepted ? FRIEND_ACCEPT : SHARE;
    }

    private static UserId subject(LiveEvent event) {
        if (event instanceof LiveEvent.FriendRequested requested) {
            return requested.requester();
        }
        if (event instanceof LiveEvent.FriendAccepted accepted) {
            return accepted.accepter();
        }
        return ((LiveEvent.Shared) event).sender();
    }

    private static UUID shareEventId(LiveEvent event) {
        return event instanceof LiveEvent.Shared shared ? shared.eventId().value() : null;
    }
}
