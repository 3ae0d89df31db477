package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.AccountCleanupQueue;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.ACCOUNT_CLEANUP_TABLE;

/**
 * {@link AccountCleanupQueue} on V10's {@code account_cleanup_table}: a due row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and stays locked for its attempt, so another instance skips it and never does the
 * same work at the same time; done, it is deleted, else rescheduled, in the claim's transaction.
 */
final class JooqAccountCleanupQueue implements AccountCleanupQueue {

    private final JooqContext db;

    JooqAccountCleanupQueue(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public Optional<CleanupTask> attemptNext(Instant now, Predicate<CleanupTask> attempt) {
        return db.inTransaction(() -> {
            Optional<CleanupTask> claimed = db.dsl()
                    .select(
                            ACCOUNT_CLEANUP_TABLE.CLEANUP_ID, ACCOUNT_CLEANUP_TABLE.KIND,
                            ACCOUNT_CLEANUP_TABLE.USER_ID, ACCOUNT_CLEANUP_TABLE.FAILED_ATTEMPTS)
                    .from(ACCOUNT_CLEANUP_TABLE)
                    .where(ACCOUNT_CLEANUP_TABLE.NEXT_ATTEMPT_AT.le(now))
                    .orderBy(ACCOUNT_CLEANUP_TABLE.NEXT_ATTEMPT_AT, ACCOUNT_CLEANUP_TABLE.CLEANUP_ID)
                    .limit(1)
                    .forUpdate()
                    .skipLocked()
                    .fetchOptional(row -> new CleanupTask(
                            row.value1(),
                            CleanupTask.Kind.ofCode(row.value2()),
                            UserId.of(row.value3()),
                            row.value4()));
            claimed.ifPresent(task -> {
                if (attempt.test(task)) {
                    db.dsl()
                            .deleteFrom(ACCOUNT_CLEANUP_TABLE)
                            .where(ACCOUNT_CLEANUP_TABLE.CLEANUP_ID.eq(task.id()))
                            .execute();
                } else {
                    db.dsl()
                            .update(ACCOUNT_CLEANUP_TABLE)
                            .set(ACCOUNT_CLEANUP_TABLE.FAILED_ATTEMPTS, task.failedAttempts() + 1)
                            .set(ACCOUNT_CLEANUP_TABLE.NEXT_ATTEMPT_AT, task.retryAt(now))
                            .where(ACCOUNT_CLEANUP_TABLE.CLEANUP_ID.eq(task.id()))
                            .execute();
                }
            });
            return claimed;
        });
    }

    @Override
    public long pending() {
        return db.dsl().fetchCount(ACCOUNT_CLEANUP_TABLE);
    }
}
