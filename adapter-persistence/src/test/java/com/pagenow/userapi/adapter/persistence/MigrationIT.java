package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationIT {

    private final TestDatabases databases = new TestDatabases(getClass());
    private SchemaSnapshot original;

    @BeforeAll
    void loadTheOriginalSchema() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        original = SchemaSnapshot.of(database);
    }

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    void freshDatabaseGetsEveryMigrationInOrder() {
        TestDatabase database = databases.postgres();

        try (Persistence ignored = Persistence.start(database.settings())) {
            List<String> history = rows(
                    database,
                    "SELECT version || ' ' || type || ' ' || success FROM flyway_schema_history ORDER BY installed_rank");
            List<String> expected = availableVersions(Vendor.POSTGRESQL, database).stream()
                    .map(version -> version + " SQL true")
                    .toList();
            assertThat(history).hasSizeGreaterThanOrEqualTo(2).isEqualTo(expected);
        }
    }

    @Test
    void versionOneIsExactlyTheOriginalSchema() {
        TestDatabase database = databases.postgres();

        Migrations.migrate(dataSource(database), Vendor.POSTGRESQL, "1");

        assertThat(SchemaSnapshot.of(database)).isEqualTo(original);
        assertThat(original.columns()).hasSize(22 + 4 + 6 + 3);
        assertThat(original.indexes()).hasSize(12);
    }

    @Test
    void versionTwoChangesNothingOnTheCurrentSchema() {
        TestDatabase database = databases.postgres();

        Migrations.migrate(dataSource(database), Vendor.POSTGRESQL, "2");

        assertThat(SchemaSnapshot.of(database)).isEqualTo(original);
    }

    @Test
    void latestSchemaKeepsEveryOriginalColumnConstraintAndIndex() {
        TestDatabase database = databases.postgres();

        try (Persistence ignored = Persistence.start(database.settings())) {
            SchemaSnapshot latest = SchemaSnapshot.of(database);
            // Later versions only add (docs/api.md: changes are additive).
            assertThat(latest.columns()).containsAll(original.columns());
            assertThat(latest.constraints()).containsAll(original.constraints());
            assertThat(latest.indexes()).containsAll(original.indexes());
            assertThat(latest.extensions()).containsExactly("uuid-ossp");
        }
    }

    @Test
    void startingAgainAppliesNothing() {
        TestDatabase database = databases.postgres();
        Persistence.start(database.settings()).close();
        List<String> before = rows(database, "SELECT installed_rank, version FROM flyway_schema_history");

        Persistence.start(database.settings()).close();

        assertThat(rows(database, "SELECT installed_rank, version FROM flyway_schema_history"))
                .isEqualTo(before);
    }

    @Test
    void processesStartingAtOnceOnAnEmptyDatabaseMigrateOneAfterTheOther() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestDatabase database = databases.postgres();
            int processes = 4;
            CyclicBarrier together = new CyclicBarrier(processes);
            ExecutorService starts = Executors.newFixedThreadPool(processes);
            try {
                List<Future<MigrateResult>> results = new ArrayList<>();
                for (int i = 0; i < processes; i++) {
                    results.add(starts.submit(() -> {
                        together.await();
                        return Migrations.migrate(dataSource(database), Vendor.POSTGRESQL);
                    }));
                }
                int applying = 0;
                for (Future<MigrateResult> result : results) {
                    applying += result.get(2, TimeUnit.MINUTES).migrations.isEmpty() ? 0 : 1;
                }
                assertThat(applying).as("processes that applied migrations").isEqualTo(1);
            } finally {
                starts.shutdownNow();
            }
            List<String> expected = availableVersions(Vendor.POSTGRESQL, database).stream()
                    .map(version -> version + " true")
                    .toList();
            assertThat(rows(
                            database,
                            "SELECT version || ' ' || success FROM flyway_schema_history" + " ORDER BY installed_rank"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void embeddedDatabaseHasTheSameVersionsAsPostgresql() {
        TestDatabase postgres = databases.postgres();
        try (TestDatabase h2 = TestDatabase.h2(getClass())) {
            try (Persistence ignored = Persistence.start(h2.settings())) {
                List<String> h2History = rows(
                        h2,
                        "SELECT \"version\" FROM \"flyway_schema_history\""
                                + " WHERE \"version\" IS NOT NULL AND \"success\" ORDER BY \"installed_rank\"");
                assertThat(h2History).isEqualTo(availableVersions(Vendor.POSTGRESQL, postgres));
                assertThat(rows(
                                h2,
                                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN "
                                        + SchemaSnapshot.TABLES))
                        .containsExactly("4");
            }
        }
    }

    private static List<String> availableVersions(Vendor vendor, TestDatabase database) {
        MigrationInfo[] all = Flyway.configure(MigrationIT.class.getClassLoader())
                .dataSource(dataSource(database))
                .locations(vendor.migrationLocations())
                .load()
                .info()
                .all();
        return Arrays.stream(all).map(info -> info.getVersion().getVersion()).toList();
    }

    static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
