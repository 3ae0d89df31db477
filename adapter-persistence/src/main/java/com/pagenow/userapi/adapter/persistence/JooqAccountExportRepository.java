package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.AccountExportRepository;
import com.pagenow.userapi.application.readmodel.AccountExport;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectConditionStep;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static com.pagenow.userapi.adapter.persistence.jooq.Tables.FRIENDSHIP_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_SEEN_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.SHARE_NOTIFICATION_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_BLOCK_TABLE;
import static com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/**
 * {@link AccountExportRepository}: each list in pages of {@link #PAGE} rows ordered by (time, key), the next page
 * starting after the last row of the one before (keyset pagination over the primary key and time indexes), so
 * memory holds one page whatever the list's length.
 */
final class JooqAccountExportRepository implements AccountExportRepository {

    static final int PAGE = 500;

    private final JooqContext db;

    JooqAccountExportRepository(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public void friends(UserId user, Consumer<AccountExport.Friend> each) {
        String id = user.value();
        Field<String> other = when(FRIENDSHIP_TABLE.USER_ID1.eq(id), FRIENDSHIP_TABLE.USER_ID2)
                .otherwise(FRIENDSHIP_TABLE.USER_ID1)
                .as("other_id");
        Field<String> otherId = when(FRIENDSHIP_TABLE.USER_ID1.eq(id), FRIENDSHIP_TABLE.USER_ID2)
                .otherwise(FRIENDSHIP_TABLE.USER_ID1);
        paged(
                () -> select(
                                other,
                                USER_TABLE.FIRST_NAME,
                                USER_TABLE.LAST_NAME,
                                FRIENDSHIP_TABLE.REQUESTED_AT,
                                FRIENDSHIP_TABLE.ACCEPTED_AT)
                        .from(FRIENDSHIP_TABLE)
                        .join(USER_TABLE)
                        .on(USER_TABLE.USER_ID.eq(otherId))
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(id).or(FRIENDSHIP_TABLE.USER_ID2.eq(id)))
                        .and(FRIENDSHIP_TABLE.ACCEPTED_AT.isNotNull()),
                FRIENDSHIP_TABLE.ACCEPTED_AT,
                otherId,
                other,
                row -> each.accept(new AccountExport.Friend(
                        UserId.of(row.get(other)),
                        row.get(USER_TABLE.FIRST_NAME),
                        row.get(USER_TABLE.LAST_NAME),
                        row.get(FRIENDSHIP_TABLE.REQUESTED_AT),
                        row.get(FRIENDSHIP_TABLE.ACCEPTED_AT))));
    }

    @Override
    public void requestsSent(UserId user, Consumer<AccountExport.Request> each) {
        requests(FRIENDSHIP_TABLE.USER_ID1.eq(user.value()), FRIENDSHIP_TABLE.USER_ID2, each);
    }

    @Override
    public void requestsReceived(UserId user, Consumer<AccountExport.Request> each) {
        requests(FRIENDSHIP_TABLE.USER_ID2.eq(user.value()), FRIENDSHIP_TABLE.USER_ID1, each);
    }

    private void requests(Condition mine, Field<String> other, Consumer<AccountExport.Request> each) {
        paged(
                () -> select(other, FRIENDSHIP_TABLE.REQUESTED_AT)
                        .from(FRIENDSHIP_TABLE)
                        .where(mine)
                        .and(FRIENDSHIP_TABLE.ACCEPTED_AT.isNull()),
                FRIENDSHIP_TABLE.REQUESTED_AT,
                other,
                row -> each.accept(
                        new AccountExport.Request(UserId.of(row.get(other)), row.get(FRIENDSHIP_TABLE.REQUESTED_AT))));
    }

    @Override
    public void blocks(UserId user, Consumer<AccountExport.Blocked> each) {
        var b = USER_BLOCK_TABLE;
        paged(
                () -> select(b.BLOCKED_ID, b.BLOCKED_AT).from(b).where(b.BLOCKER_ID.eq(user.value())),
                b.BLOCKED_AT,
                b.BLOCKED_ID,
                row -> each.accept(new AccountExport.Blocked(UserId.of(row.get(b.BLOCKED_ID)), row.get(b.BLOCKED_AT))));
    }

    @Override
    public void sharesSent(UserId user, Consumer<AccountExport.SentShare> each) {
        var s = SHARE_NOTIFICATION_TABLE;
        sharesPaged(
                () -> select(s.EVENT_ID, s.URL, s.TITLE, s.SENT_AT, s.SENT_TO)
                        .from(s)
                        .where(s.USER_ID.eq(user.value())),
                row -> each.accept(new AccountExport.SentShare(
                        row.get(s.EVENT_ID),
                        row.get(s.URL),
                        row.get(s.TITLE),
                        row.get(s.SENT_AT),
                        row.get(s.SENT_TO) == null ? null : UserId.of(row.get(s.SENT_TO)))));
    }

    @Override
    public void sharesReceived(UserId user, Consumer<AccountExport.ReceivedShare> each) {
        var s = SHARE_NOTIFICATION_TABLE;
        var seen = SHARE_NOTIFICATION_SEEN_TABLE;
        sharesPaged(
                () -> select(s.EVENT_ID, s.USER_ID, s.URL, s.TITLE, s.SENT_AT, seen.SEEN_AT)
                        .from(seen)
                        .join(s)
                        .on(s.EVENT_ID.eq(seen.EVENT_ID))
                        .where(seen.USER_ID.eq(user.value())),
                row -> each.accept(new AccountExport.ReceivedShare(
                        row.get(s.EVENT_ID),
                        UserId.of(row.get(s.USER_ID)),
                        row.get(s.URL),
                        row.get(s.TITLE),
                        row.get(s.SENT_AT),
                        row.get(seen.SEEN_AT))));
    }

    /** Shares, sent or received, in the order they were sent (event ids break ties). */
    private void sharesPaged(Supplier<SelectConditionStep<? extends Record>> rows, Consumer<Record> each) {
        paged(rows, SHARE_NOTIFICATION_TABLE.SENT_AT, SHARE_NOTIFICATION_TABLE.EVENT_ID, each);
    }

    private <T, K> void paged(
            Supplier<SelectConditionStep<? extends Record>> rows, Field<T> time, Field<K> key, Consumer<Record> each) {
        paged(rows, time, key, key, each);
    }

    /**
     * Runs the query {@code rows} builds, in (time, key) order, from the start, then after each full page's last row
     * (read back as {@code keyAsRead}), until a page is not full.
     */
    private <T, K> void paged(
            Supplier<SelectConditionStep<? extends Record>> rows,
            Field<T> time,
            Field<K> key,
            Field<K> keyAsRead,
            Consumer<Record> each) {
        Record last = null;
        while (true) {
            Condition after = last == null ? noCondition() : row(time, key).gt(last.get(time), last.get(keyAsRead));
            Result<? extends Record> page =
                    db.dsl().fetch(rows.get().and(after).orderBy(time, key).limit(PAGE));
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }
}
