package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.MigratedDatabase;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.ReceivedShare;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresShareNotificationRepositoryIT extends ShareNotificationRepositoryContract {

    @RegisterExtension
    static final MigratedDatabase db = MigratedDatabase.postgres();

    /** The old service stored url and title unchecked, and old rows may lack a sender: they are still listed. */
    @Test
    void rowsTheOldServiceWroteAreListedAsStored() {
        String title = "t".repeat(600);
        db.database().execute("""
                INSERT INTO user_table (user_id, email, first_name, last_name)
                VALUES ('legacy-reader', 'legacy-reader@example.com', ' ', 'Reader'),
                       ('legacy-sender', 'legacy-sender@example.com', 'Old', 'Sender');
                INSERT INTO share_notification_table (event_id, user_id, sent_at, url, title, sent_to) VALUES
                    ('00000000-0000-4000-8000-000000000001', NULL, '2021-10-13 21:36:38', 'not a url', '%s', NULL),
                    ('00000000-0000-4000-8000-000000000002', 'legacy-sender', '2021-10-14 08:00:00', 'x', '',
                     'legacy-reader');
                INSERT INTO share_notification_seen_table (event_id, user_id, seen_at) VALUES
                    ('00000000-0000-4000-8000-000000000001', 'legacy-reader', NULL),
                    ('00000000-0000-4000-8000-000000000002', 'legacy-reader', '2021-10-15 09:00:00');""".formatted(title));

        var received = shares().receivedBy(UserId.of("legacy-reader"), SeenFilter.ALL);
        var sent = shares().sentBy(UserId.of("legacy-sender"), PageRequest.of(10, 0));

        assertThat(received)
                .extracting(share -> share.eventId().toString())
                .containsExactly("00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000001");
        ReceivedShare orphan = received.get(1);
        assertThat(orphan.sender()).isNull();
        assertThat(orphan.url()).isEqualTo("not a url");
        assertThat(orphan.title()).isEqualTo(title);
        assertThat(orphan.sentAt()).isEqualTo(Instant.parse("2021-10-13T21:36:38Z"));
        assertThat(received.get(0).seenAt()).isEqualTo(Instant.parse("2021-10-15T09:00:00Z"));
        assertThat(sent).singleElement().satisfies((SentShare share) -> {
            assertThat(share.recipient().id()).isEqualTo(UserId.of("legacy-reader"));
            assertThat(share.recipient().firstName().value()).isEqualTo(JooqUserRepository.BLANK_LEGACY_NAME);
            assertThat(share.notSeenCount()).isZero();
        });
    }

    @Override
    protected UserRepository users() {
        return db.persistence().users();
    }

    @Override
    protected ShareNotificationRepository shares() {
        return db.persistence().shareNotifications();
    }

    @Override
    protected TransactionRunner transactions() {
        return db.persistence().transactions();
    }
}
