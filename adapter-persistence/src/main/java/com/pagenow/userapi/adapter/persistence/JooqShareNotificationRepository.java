package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jooq.tables.ShareNotificationSeenTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.ShareNotificationTable;
import com.pagenow.userapi.adapter.persistence.jooq.tables.UserTable;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.readmodel.UserBasics;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_SEEN_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.val;

/**
 * {@link ShareNotificationRepository} on {@code share_notification_table} (the events) and
 * {@code share_notification_seen_table} (one row per recipient). Lists read the primary: they show the caller's own
 * latest writes (a share just sent, a copy just marked seen).
 */
final class JooqShareNotificationRepository implements ShareNotificationRepository {

    private static final ShareNotificationTable EVENT = SHARE_NOTIFICATION_TABLE.as("event");
    private static final ShareNotificationSeenTable COPY = SHARE_NOTIFICATION_SEEN_TABLE.as("copy");
    private static final UserTable PERSON = USER_TABLE.as("person");

    private final JooqContext db;

    JooqShareNotificationRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    /**
     * Two statements whatever the number of recipients: the event, whose id the column default generates
     * ({@code uuid_generate_v4()}, as the old service did), then every copy in one {@code INSERT ... SELECT} over
     * an array of recipient ids. Runs in the caller's transaction, or in its own.
     */
    @Override
    public ShareEventId insert(ShareNotification share) {
        return db.inTransaction(() -> {
            DSLContext dsl = db.dsl();
            UUID eventId = dsl.insertInto(SHARE_NOTIFICATION_TABLE)
                    .set(SHARE_NOTIFICATION_TABLE.USER_ID, share.sender().value())
                    .set(SHARE_NOTIFICATION_TABLE.SENT_AT, share.sentAt())
                    .set(SHARE_NOTIFICATION_TABLE.URL, share.url().value())
                    .set(SHARE_NOTIFICATION_TABLE.TITLE, share.title().value())
                    .set(
                            SHARE_NOTIFICATION_TABLE.SENT_TO,
                            share.personalRecipient().map(UserId::value).orElse(null))
                    .returningResult(SHARE_NOTIFICATION_TABLE.EVENT_ID)
                    .fetchSingle()
                    .value1();
            if (!share.recipients().isEmpty()) {
                String[] recipients =
                        share.recipients().stream().map(UserId::value).toArray(String[]::new);
                Table<?> recipientIds = unnest(recipients).as("recipient", "user_id");
                Field<String> recipientId = field(name("recipient", "user_id"), String.class);
                dsl.insertInto(
                                SHARE_NOTIFICATION_SEEN_TABLE,
                                SHARE_NOTIFICATION_SEEN_TABLE.EVENT_ID,
                                SHARE_NOTIFICATION_SEEN_TABLE.USER_ID)
                        .select(select(val(eventId), recipientId).from(recipientIds))
                        .execute();
            }
            return ShareEventId.of(eventId);
        });
    }

    @Override
    public List<ReceivedShare> receivedBy(UserId recipient, SeenFilter filter) {
        return db.dsl()
                .select(
                        EVENT.EVENT_ID,
                        EVENT.SENT_AT,
                        EVENT.URL,
                        EVENT.TITLE,
                        COPY.SEEN_AT,
                        PERSON.USER_ID,
                        PERSON.FIRST_NAME,
                        PERSON.LAST_NAME,
                        PERSON.PROFILE_IMAGE_EXTENSION)
                .from(COPY)
                .join(EVENT)
                .on(EVENT.EVENT_ID.eq(COPY.EVENT_ID))
                .leftJoin(PERSON)
                .on(PERSON.USER_ID.eq(EVENT.USER_ID))
                .where(COPY.USER_ID.eq(recipient.value()))
                .and(seen(filter))
                .orderBy(EVENT.SENT_AT.desc(), EVENT.EVENT_ID.asc())
                .fetch(row -> new ReceivedShare(
                        ShareEventId.of(row.get(EVENT.EVENT_ID)),
                        person(row),
                        row.get(EVENT.SENT_AT),
                        row.get(EVENT.URL),
                        row.get(EVENT.TITLE),
                        row.get(COPY.SEEN_AT)));
    }

    @Override
    public List<SentShare> sentBy(UserId sender, PageRequest page) {
        Field<Integer> notSeen = field(selectCount()
                        .from(COPY)
                        .where(COPY.EVENT_ID.eq(EVENT.EVENT_ID))
                        .and(COPY.SEEN_AT.isNull()))
                .as("not_seen_count");
        return db.dsl()
                .select(
                        EVENT.EVENT_ID,
                        EVENT.URL,
                        EVENT.TITLE,
                        EVENT.SENT_AT,
                        notSeen,
                        PERSON.USER_ID,
                        PERSON.FIRST_NAME,
                        PERSON.LAST_NAME,
                        PERSON.PROFILE_IMAGE_EXTENSION)
                .from(EVENT)
                .leftJoin(PERSON)
                .on(PERSON.USER_ID.eq(EVENT.SENT_TO))
                .where(EVENT.USER_ID.eq(sender.value()))
                .orderBy(EVENT.SENT_AT.desc(), EVENT.EVENT_ID.asc())
                .limit(page.limit())
                .offset(page.offset())
                .fetch(row -> new SentShare(
                        ShareEventId.of(row.get(EVENT.EVENT_ID)),
                        row.get(EVENT.URL),
                        row.get(EVENT.TITLE),
                        row.get(EVENT.SENT_AT),
                        person(row),
                        row.get(notSeen)));
    }

    /** One statement; the {@code seen_at IS NULL} condition keeps the first time a copy was seen. */
    @Override
    public int markSeen(UserId recipient, Set<ShareEventId> events, Instant seenAt) {
        if (events.isEmpty()) {
            return 0;
        }
        return db.dsl()
                .update(SHARE_NOTIFICATION_SEEN_TABLE)
                .set(SHARE_NOTIFICATION_SEEN_TABLE.SEEN_AT, seenAt)
                .where(SHARE_NOTIFICATION_SEEN_TABLE.USER_ID.eq(recipient.value()))
                .and(SHARE_NOTIFICATION_SEEN_TABLE.EVENT_ID.in(
                        events.stream().map(ShareEventId::value).toList()))
                .and(SHARE_NOTIFICATION_SEEN_TABLE.SEEN_AT.isNull())
                .execute();
    }

    private static Condition seen(SeenFilter filter) {
        return switch (filter) {
            case ALL -> noCondition();
            case SEEN -> COPY.SEEN_AT.isNotNull();
            case UNSEEN -> COPY.SEEN_AT.isNull();
        };
    }

    /** The joined user, or null where the event names nobody (a share to all friends; an old row without sender). */
    private static UserBasics person(Record row) {
        String id = row.get(PERSON.USER_ID);
        if (id == null) {
            return null;
        }
        return new UserBasics(
                UserId.of(id),
                JooqUserRepository.storedName(row.get(PERSON.FIRST_NAME)),
                JooqUserRepository.storedName(row.get(PERSON.LAST_NAME)),
                row.get(PERSON.PROFILE_IMAGE_EXTENSION));
    }
}
