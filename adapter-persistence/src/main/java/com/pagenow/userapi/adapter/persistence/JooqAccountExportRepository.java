package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.AccountExportRepository;
import com.pagenow.userapi.application.readmodel.AccountExport;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

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
                last -> select(
                                other,
                                USER_TABLE.FIRST_NAME,
                                USER_TABLE.LAST_NAME,
                                FRIENDSHIP_TABLE.REQUESTED_AT,
                                FRIENDSHIP_TABLE.ACCEPTED_AT)
                        .from(FRIENDSHIP_TABLE)
                        .join(USER_TABLE)
                        .on(USER_TABLE.USER_ID.eq(otherId))
                        .where(FRIENDSHIP_TABLE.USER_ID1.eq(id).or(FRIENDSHIP_TABLE.USER_ID2.eq(id)))
                        .and(FRIENDSHIP_TABLE.ACCEPTED_AT.isNotNull())
                        .and(
                                last == null
                                        ? noCondition()
                                        : row(FRIENDSHIP_TABLE.ACCEPTED_AT, otherId)
                                                .gt(last.get(FRIENDSHIP_TABLE.ACCEPTED_AT), last.get(other)))
                        .orderBy(FRIENDSHIP_TABLE.ACCEPTED_AT, otherId)
                        .limit(PAGE),
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
                last -> select(other, FRIENDSHIP_TABLE.REQUESTED_AT)
                        .from(FRIENDSHIP_TABLE)
                        .where(mine)
                        .and(FRIENDSHIP_TABLE.ACCEPTED_AT.isNull())
                        .and(
                                last == null
                                        ? noCondition()
                                        : row(FRIENDSHIP_TABLE.REQUESTED_AT, other)
                                                .gt(last.get(FRIENDSHIP_TABLE.REQUESTED_AT), last.get(other)))
                        .orderBy(FRIENDSHIP_TABLE.REQUESTED_AT, other)
                        .limit(PAGE),
                row -> each.accept(
                        new AccountExport.Request(UserId.of(row.get(other)), row.get(FRIENDSHIP_TABLE.REQUESTED_AT))));
    }

    @Override
    public void blocks(UserId user, Consumer<AccountExport.Blocked> each) {
        paged(
                last -> select(USER_BLOCK_TABLE.BLOCKED_ID, USER_BLOCK_TABLE.BLOCKED_AT)
                        .from(USER_BLOCK_TABLE)
                        .where(USER_BLOCK_TABLE.BLOCKER_ID.eq(user.value()))
                        .and(
                                last == null
                                        ? noCondition()
                                        : row(USER_BLOCK_TABLE.BLOCKED_AT, USER_BLOCK_TABLE.BLOCKED_ID)
                                                .gt(
                                                        last.get(USER_BLOCK_TABLE.BLOCKED_AT),
                                                        last.get(USER_BLOCK_TABLE.BLOCKED_ID)))
                        .orderBy(USER_BLOCK_TABLE.BLOCKED_AT, USER_BLOCK_TABLE.BLOCKED_ID)
                        .limit(PAGE),
                row -> each.accept(new AccountExport.Blocked(
                        UserId.of(row.get(USER_BLOCK_TABLE.BLOCKED_ID)), row.get(USER_BLOCK_TABLE.BLOCKED_AT))));
    }

    @Override
    public void sharesSent(UserId user, Consumer<AccountExport.SentShare> each) {
        var s = SHARE_NOTIFICATION_TABLE;
        paged(
                last -> select(s.EVENT_ID, s.URL, s.TITLE, s.SENT_AT, s.SENT_TO)
                        .from(s)
                        .where(s.USER_ID.eq(user.value()))
                        .and(
                                last == null
                                        ? noCondition()
                                        : row(s.SENT_AT, s.EVENT_ID).gt(last.get(s.SENT_AT), last.get(s.EVENT_ID)))
                        .orderBy(s.SENT_AT, s.EVENT_ID)
                        .limit(PAGE),
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
        paged(
                last -> select(s.EVENT_ID, s.USER_ID, s.URL, s.TITLE, s.SENT_AT, seen.SEEN_AT)
                        .from(seen)
                        .join(s)
                        .on(s.EVENT_ID.eq(seen.EVENT_ID))
                        .where(seen.USER_ID.eq(user.value()))
                        .and(
                                last == null
                                        ? noCondition()
                                        : row(s.SENT_AT, s.EVENT_ID).gt(last.get(s.SENT_AT), last.get(s.EVENT_ID)))
                        .orderBy(s.SENT_AT, s.EVENT_ID)
                        .limit(PAGE),
                row -> each.accept(new AccountExport.ReceivedShare(
                        row.get(s.EVENT_ID),
                        UserId.of(row.get(s.USER_ID)),
                        row.get(s.URL),
                        row.get(s.TITLE),
                        row.get(s.SENT_AT),
                        row.get(seen.SEEN_AT))));
    }

    /** Runs {@code page} from the start, then after each full page's last row, until a page is not full. */
    private void paged(Function<Record, ResultQuery<? extends Record>> page, Consumer<Record> each) {
        Record last = null;
        while (true) {
            Result<? extends Record> rows = db.dsl().fetch(page.apply(last));
            rows.forEach(each);
            if (rows.size() < PAGE) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }
}
