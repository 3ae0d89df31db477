package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestUsers;
import com.pagenow.userapi.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceIT {

    @Test
    void startedPersistenceReportsTheDatabaseUp() {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(database.settings())) {
            assertThat(persistence.isDatabaseUp()).isTrue();
        }
    }

    @Test
    void databaseThatWentAwayIsReportedDownQuickly() {
        TestDatabase database = TestDatabase.postgres(getClass());
        try (Persistence persistence = Persistence.start(database.settings())) {
            assertThat(persistence.isDatabaseUp()).isTrue();

            database.close();

            Instant asked = Instant.now();
            assertThat(persistence.isDatabaseUp()).isFalse();
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void closedPersistenceReportsTheDatabaseDown() {
        try (TestDatabase database = TestDatabase.postgres(getClass())) {
            Persistence persistence = Persistence.start(database.settings());
            persistence.close();

            assertThat(persistence.isDatabaseUp()).isFalse();
        }
    }

    @Test
    void unreachableDatabaseStopsTheStart() {
        PersistenceSettings nowhere = PersistenceSettings.of(
                        "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "postgres", "secret")
                .withPoolSize(2);

        assertThatThrownBy(() -> Persistence.start(nowhere)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void readReplicaServesReadsOutsideTransactionsOnly() {
        try (TestDatabase database = TestDatabase.postgres(getClass())) {
            PersistenceSettings settings = PersistenceSettings.of(
                            database.jdbcUrl(), database.username(), database.password())
                    .withPoolSize(2)
                    .withReadJdbcUrl(database.jdbcUrl());
            try (Persistence persistence = Persistence.start(settings)) {
                JooqContext db = persistence.jooq();
                assertThat(db.readDsl()).isNotSameAs(db.dsl());
                User user = TestUsers.user(TestUsers.newId("replica"));
                persistence.users().insert(user);

                persistence.transactions().inTransaction(() -> {
                    assertThat(db.readDsl()).isSameAs(db.dsl());
                    assertThat(db.inTransaction()).isTrue();
                });
                assertThat(db.inTransaction()).isFalse();
                assertThat(db.readDsl().fetchCount(com.pagenow.userapi.adapter.persistence.jooq.Tables.USER_TABLE))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void embeddedDatabaseIsKeptInTheGivenDirectory() {
        String url = Persistence.embeddedH2Url(java.nio.file.Path.of("/tmp/some dir"));

        assertThat(url)
                .isEqualTo("jdbc:h2:file:/tmp/some dir/user-api"
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0");
    }
}
