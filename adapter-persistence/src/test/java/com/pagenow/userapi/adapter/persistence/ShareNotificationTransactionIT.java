package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.share.ShareWithFriendsCommand;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.application.service.ShareNotificationService;
import com.pagenow.userapi.domain.friendship.Friendship;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sharing on PostgreSQL: the event and its copies are stored together or not at all, in a fixed number of
 * statements. Users are inserted with SQL as the sibling services' fixtures do; the friendships the service reads
 * come from the in-memory fake, which can name a friend the database does not know.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareNotificationTransactionIT {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final PageUrl URL = PageUrl.of("https://example.com/a");
    private static final PageTitle TITLE = PageTitle.of("A page");

    private TestDatabase database;
    private Persistence persistence;

    @BeforeAll
    void start() {
        database = TestDatabase.postgres(getClass());
        persistence = Persistence.start(database.settings());
        database.execute("""
                INSERT INTO user_table (user_id, email, first_name, last_name)
                SELECT 'user-' || g, 'user-' || g || '@example.com', 'First', 'Last ' || g
                FROM generate_series(1, 300) AS g;""");
    }

    @AfterAll
    void stop() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shareWithFriendsStoresTheEventAndACopyPerFriend() {
        ShareNotificationService service =
                service("user-1", Set.of("user-2", "user-3"), persistence.shareNotifications());

        ShareEventId event = service.shareWithFriends(command("user-1"));

        assertThat(eventsOf("user-1")).containsExactly(event.toString());
        assertThat(rows(
                        database,
                        "SELECT user_id, seen_at FROM share_notification_seen_table WHERE event_id = '" + event
                                + "' ORDER BY user_id"))
                .containsExactly("user-2 | null", "user-3 | null");
    }

    @Test
    void aCopyThatCannotBeStoredLeavesNoEventBehind() {
        ShareNotificationService service =
                service("user-10", Set.of("user-11", "ghost-not-in-user-table"), persistence.shareNotifications());

        assertThatThrownBy(() -> service.shareWithFriends(command("user-10"))).isInstanceOf(DataAccessException.class);

        assertThat(eventsOf("user-10")).isEmpty();
        assertThat(copiesOf("user-11")).isEmpty();
    }

    @Test
    void aFailureAfterBothInsertsRollsBothBack() {
        ShareNotificationService service = service(
                "user-20", Set.of("user-21", "user-22"), new FailingAfterInsert(persistence.shareNotifications()));

        assertThatThrownBy(() -> service.shareWithFriends(command("user-20")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("failure after the insert");

        assertThat(eventsOf("user-20")).isEmpty();
        assertThat(copiesOf("user-21")).isEmpty();
        assertThat(copiesOf("user-22")).isEmpty();
    }

    @Test
    void theRepositoryAloneIsAllOrNothingToo() {
        ShareNotification share = ShareNotification.toAllFriends(
                UserId.of("user-30"), Set.of(UserId.of("user-31"), UserId.of("ghost")), URL, TITLE, T0);

        assertThatThrownBy(() -> persistence.shareNotifications().insert(share))
                .isInstanceOf(DataAccessException.class);

        assertThat(eventsOf("user-30")).isEmpty();
        assertThat(copiesOf("user-31")).isEmpty();
    }

    @Test
    void eachOperationIsAFixedNumberOfStatementsWhateverTheNumberOfRecipients() {
        List<String> statements = new CopyOnWriteArrayList<>();
        JooqShareNotificationRepository counted = new JooqShareNotificationRepository(countingContext(statements));
        Set<UserId> oneFriend = Set.of(UserId.of("user-101"));
        Set<UserId> manyFriends = IntStream.rangeClosed(101, 300)
                .mapToObj(i -> UserId.of("user-" + i))
                .collect(Collectors.toSet());

        counted.insert(ShareNotification.toAllFriends(UserId.of("user-100"), oneFriend, URL, TITLE, T0));
        assertThat(statements).as("statements for 1 recipient").hasSize(2);
        statements.clear();

        ShareEventId event = counted.insert(
                ShareNotification.toAllFriends(UserId.of("user-100"), manyFriends, URL, TITLE, T0.plusSeconds(1)));
        assertThat(statements).as("statements for 200 recipients").hasSize(2);
        assertThat(copiesOf("user-300")).containsExactly(event.toString());
        statements.clear();

        List<SentShare> sent = counted.sentBy(UserId.of("user-100"), PageRequest.of(10, 0));
        List<ReceivedShare> received = counted.receivedBy(UserId.of("user-101"), SeenFilter.ALL);
        int changed = counted.markSeen(UserId.of("user-150"), Set.of(event), T0.plusSeconds(2));
        assertThat(statements)
                .as("one statement each for the lists and for marking seen")
                .hasSize(3);

        assertThat(sent).extracting(SentShare::notSeenCount).containsExactly(200L, 1L);
        assertThat(received).hasSize(2);
        assertThat(changed).isEqualTo(1);
    }

    private ShareNotificationService service(String sender, Set<String> friends, ShareNotificationRepository shares) {
        InMemoryUserRepository noUsers = new InMemoryUserRepository();
        InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(noUsers);
        friends.forEach(
                friend -> friendships.insert(Friendship.reconstitute(UserId.of(sender), UserId.of(friend), T0, T0)));
        return new ShareNotificationService(
                persistence.users(),
                friendships,
                shares,
                persistence.idempotencyKeys(),
                persistence.transactions(),
                Clock.systemUTC(),
                LiveEventOutbox.NONE);
    }

    private static ShareWithFriendsCommand command(String sender) {
        return ShareWithFriendsCommand.of(
                new Caller(UserId.of(sender), Email.of(sender + "@example.com")), URL.value(), TITLE.value());
    }

    private List<String> eventsOf(String sender) {
        return rows(database, "SELECT event_id FROM share_notification_table WHERE user_id = '" + sender + "'");
    }

    private List<String> copiesOf(String recipient) {
        return rows(database, "SELECT event_id FROM share_notification_seen_table WHERE user_id = '" + recipient + "'");
    }

    /** A context on the same database that records every statement it executes. */
    private JooqContext countingContext(List<String> statements) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(new DataSourceConnectionProvider(MigrationIT.dataSource(database)));
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new Settings().withExecuteLogging(false));
        configuration.set(ExecuteListener.onExecuteStart(context -> statements.add(context.sql())));
        return new JooqContext(DSL.using(configuration), null);
    }

    /** Stores the share, then fails: the whole transaction must be undone. */
    private record FailingAfterInsert(ShareNotificationRepository delegate) implements ShareNotificationRepository {

        @Override
        public ShareEventId insert(ShareNotification share) {
            delegate.insert(share);
            throw new IllegalStateException("failure after the insert");
        }

        @Override
        public List<ReceivedShare> receivedBy(UserId recipient, SeenFilter filter) {
            return delegate.receivedBy(recipient, filter);
        }

        @Override
        public List<SentShare> sentBy(UserId sender, PageRequest page) {
            return delegate.sentBy(sender, page);
        }

        @Override
        public int markSeen(UserId recipient, Set<ShareEventId> events, Instant seenAt) {
            return delegate.markSeen(recipient, events, seenAt);
        }
    }
}
