package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.IDEMPOTENCY_KEY_TABLE;

/**
 * {@link IdempotencyKeyRepository} on {@code idempotency_key_table}, always on the primary: a retry must see the
 * key its first attempt wrote.
 */
final class JooqIdempotencyKeyRepository implements IdempotencyKeyRepository {

    private final JooqContext db;

    JooqIdempotencyKeyRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public Optional<Recorded> find(UserId user, IdempotencyKey key, Instant notBefore) {
        return db.dsl()
                .select(IDEMPOTENCY_KEY_TABLE.REQUEST_FINGERPRINT, IDEMPOTENCY_KEY_TABLE.EVENT_ID)
                .from(IDEMPOTENCY_KEY_TABLE)
                .where(IDEMPOTENCY_KEY_TABLE.USER_ID.eq(user.value()))
                .and(IDEMPOTENCY_KEY_TABLE.IDEMPOTENCY_KEY.eq(key.value()))
                .and(IDEMPOTENCY_KEY_TABLE.CREATED_AT.ge(notBefore))
                .fetchOptional(row -> new Recorded(row.value1(), ShareEventId.of(row.value2())));
    }

    /**
     * An expired record of the key goes first; then {@code ON CONFLICT DO NOTHING}, which on PostgreSQL waits for
     * a concurrent transaction inserting the same key and inserts nothing if that one commits.
     */
    @Override
    public boolean insertIfAbsent(
            UserId user, IdempotencyKey key, Recorded recorded, Instant createdAt, Instant notBefore) {
        var dsl = db.dsl();
        dsl.deleteFrom(IDEMPOTENCY_KEY_TABLE)
                .where(IDEMPOTENCY_KEY_TABLE.USER_ID.eq(user.value()))
                .and(IDEMPOTENCY_KEY_TABLE.IDEMPOTENCY_KEY.eq(key.value()))
                .and(IDEMPOTENCY_KEY_TABLE.CREATED_AT.lt(notBefore))
                .execute();
        return dsl.insertInto(IDEMPOTENCY_KEY_TABLE)
                        .set(IDEMPOTENCY_KEY_TABLE.USER_ID, user.value())
                        .set(IDEMPOTENCY_KEY_TABLE.IDEMPOTENCY_KEY, key.value())
                        .set(IDEMPOTENCY_KEY_TABLE.REQUEST_FINGERPRINT, recorded.fingerprint())
                        .set(IDEMPOTENCY_KEY_TABLE.EVENT_ID, recorded.eventId().value())
                        .set(IDEMPOTENCY_KEY_TABLE.CREATED_AT, createdAt)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return db.dsl()
                .deleteFrom(IDEMPOTENCY_KEY_TABLE)
                .where(IDEMPOTENCY_KEY_TABLE.CREATED_AT.lt(cutoff))
                .execute();
    }
}
