package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.AccountDeletionRepository;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.ACCOUNT_CLEANUP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.DELETED_USER_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.EVENT_OUTBOX;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.EVENT_STREAM;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.IDEMPOTENCY_KEY_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_SEEN_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_BLOCK_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.select;

/**
 * {@link AccountDeletionRepository} on every table that names a user, and V10's tombstone and cleanup tables.
 *
 * <p>Racing writers: the deletion first locks the user's row ({@code FOR UPDATE}). A writer whose row names the user
 * by a foreign key takes a key-share lock on that row: if it came first, the deletion waits for it and then removes
 * its rows too (each later statement sees what committed meanwhile); if it comes later, its foreign key fails once
 * the deletion commits and {@link JooqContext} runs its transaction again, which then finds the user gone. Rows
 * without a foreign key (live events, idempotency keys) are written only next to such a row or a row lock on one
 * (an accept updates the friendship row), and are deleted last, after the deletion waited for those writers.
 */
final class JooqAccountDeletionRepository implements AccountDeletionRepository {

    /** The channel the sibling services LISTEN on; the payload is the user id. */
    static final String CHANNEL = "user_deleted";

    private final JooqContext db;

    JooqAccountDeletionRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public boolean delete(DeletedAccount account, List<CleanupTask.Kind> cleanup) {
        return db.inTransaction(() -> {
            DSLContext dsl = db.dsl();
            String id = account.userId().value();
            if (dsl.select(USER_TABLE.USER_ID)
                    .from(USER_TABLE)
                    .where(USER_TABLE.USER_ID.eq(id))
                    .forUpdate()
                    .fetchOptional()
                    .isEmpty()) {
                return false;
            }
            dsl.deleteFrom(USER_BLOCK_TABLE)
                    .where(USER_BLOCK_TABLE.BLOCKER_ID.eq(id).or(USER_BLOCK_TABLE.BLOCKED_ID.eq(id)))
                    .execute();
            dsl.deleteFrom(FRIENDSHIP_TABLE)
                    .where(FRIENDSHIP_TABLE.USER_ID1.eq(id).or(FRIENDSHIP_TABLE.USER_ID2.eq(id)))
                    .execute();
            Select<Record1<UUID>> sharesNamingUser = select(SHARE_NOTIFICATION_TABLE.EVENT_ID)
                    .from(SHARE_NOTIFICATION_TABLE)
                    .where(SHARE_NOTIFICATION_TABLE.USER_ID.eq(id).or(SHARE_NOTIFICATION_TABLE.SENT_TO.eq(id)));
            dsl.deleteFrom(SHARE_NOTIFICATION_SEEN_TABLE)
                    .where(SHARE_NOTIFICATION_SEEN_TABLE
                            .USER_ID
                            .eq(id)
                            .or(SHARE_NOTIFICATION_SEEN_TABLE.EVENT_ID.in(sharesNamingUser)))
                    .execute();
            dsl.deleteFrom(IDEMPOTENCY_KEY_TABLE)
                    .where(IDEMPOTENCY_KEY_TABLE.USER_ID.eq(id).or(IDEMPOTENCY_KEY_TABLE.EVENT_ID.in(sharesNamingUser)))
                    .execute();
            dsl.deleteFrom(SHARE_NOTIFICATION_TABLE)
                    .where(SHARE_NOTIFICATION_TABLE.USER_ID.eq(id).or(SHARE_NOTIFICATION_TABLE.SENT_TO.eq(id)))
                    .execute();
            dsl.deleteFrom(EVENT_OUTBOX)
                    .where(EVENT_OUTBOX.RECIPIENT_ID.eq(id).or(EVENT_OUTBOX.SUBJECT_ID.eq(id)))
                    .execute();
            dsl.deleteFrom(EVENT_STREAM).where(EVENT_STREAM.RECIPIENT_ID.eq(id)).execute();
            dsl.deleteFrom(USER_TABLE).where(USER_TABLE.USER_ID.eq(id)).execute();
            dsl.insertInto(DELETED_USER_TABLE, DELETED_USER_TABLE.USER_ID, DELETED_USER_TABLE.DELETED_AT)
                    .values(id, account.deletedAt())
                    .onConflict(DELETED_USER_TABLE.USER_ID)
                    .doUpdate()
                    .set(DELETED_USER_TABLE.DELETED_AT, account.deletedAt())
                    .execute();
            for (CleanupTask.Kind kind : cleanup) {
                dsl.insertInto(
                                ACCOUNT_CLEANUP_TABLE,
                                ACCOUNT_CLEANUP_TABLE.USER_ID,
                                ACCOUNT_CLEANUP_TABLE.KIND,
                                ACCOUNT_CLEANUP_TABLE.NEXT_ATTEMPT_AT,
                                ACCOUNT_CLEANUP_TABLE.CREATED_AT)
                        .values(id, kind.code(), account.deletedAt(), account.deletedAt())
                        .execute();
            }
            if (db.dialect() == SQLDialect.POSTGRES) {
                // Delivered to the listeners at commit only.
                dsl.fetch("SELECT pg_notify(?, ?)", CHANNEL, id);
            }
            return true;
        });
    }

    @Override
    public Optional<DeletedAccount> tombstone(UserId id) {
        return db.dsl()
                .select(DELETED_USER_TABLE.DELETED_AT)
                .from(DELETED_USER_TABLE)
                .where(DELETED_USER_TABLE.USER_ID.eq(id.value()))
                .fetchOptional(DELETED_USER_TABLE.DELETED_AT)
                .map(at -> new DeletedAccount(id, at));
    }
}
