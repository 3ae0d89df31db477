package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository.Recorded;
import com.pagenow.userapi.application.readmodel.IdempotencyKey;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static com.pagenow.userapi.application.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/** V9's idempotency_key_table through its repository, on PostgreSQL and on the embedded H2 of dev mode. */
class IdempotencyKeyRepositoryIT {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final IdempotencyKey KEY = new IdempotencyKey("3f2c-key");

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aKeyIsFoundUntilItExpiresThenReplacedAndFinallyDeleted(String vendor) {
        try (TestDatabase database =
                        vendor.equals("h2") ? TestDatabase.h2(getClass()) : TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(database.settings())) {
            persistence.users().insert(aUser("alice").build());
            persistence.users().insert(aUser("bob").build());
            ShareEventId first = share(persistence);
            ShareEventId second = share(persistence);
            IdempotencyKeyRepository keys = persistence.idempotencyKeys();
            Instant later = T0.plus(Duration.ofHours(25));

            assertThat(persistence
                            .transactions()
                            .inTransaction(() -> keys.insertIfAbsent(
                                    ALICE, KEY, new Recorded("f1", first), T0, T0.minus(Duration.ofDays(1)))))
                    .isTrue();
            assertThat(keys.find(ALICE, KEY, T0)).contains(new Recorded("f1", first));
            assertThat(keys.find(UserId.of("bob"), KEY, T0)).isEmpty();
            assertThat(keys.insertIfAbsent(ALICE, KEY, new Recorded("f2", second), T0, T0))
                    .isFalse();
            assertThat(keys.find(ALICE, KEY, T0.plusSeconds(1)))
                    .as("older than notBefore")
                    .isEmpty();

            assertThat(keys.insertIfAbsent(
                            ALICE, KEY, new Recorded("f2", second), later, later.minus(Duration.ofDays(1))))
                    .as("an expired record is replaced")
                    .isTrue();
            assertThat(keys.find(ALICE, KEY, later.minus(Duration.ofDays(1)))).contains(new Recorded("f2", second));

            assertThat(keys.deleteCreatedBefore(later)).isZero();
            assertThat(keys.deleteCreatedBefore(later.plusSeconds(1))).isEqualTo(1);
            assertThat(keys.find(ALICE, KEY, T0)).isEmpty();
        }
    }

    private static ShareEventId share(Persistence persistence) {
        return persistence
                .transactions()
                .inTransaction(() -> persistence
                        .shareNotifications()
                        .insert(ShareNotification.toAllFriends(
                                ALICE, Set.of(), PageUrl.of("https://example.com/"), PageTitle.of("t"), T0)));
    }
}
