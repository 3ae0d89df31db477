package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real primary and a streaming standby ({@code pg_basebackup -R}) on loopback, the service's
 * {@code DATABASE_READ_URL} at the standby. With the standby's replay paused, what a caller sees tells where their
 * read went: a stale answer came from the standby, a fresh one from the primary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {

    private static final String DB = "replica";
    private static ThrowAwayPostgres primary;
    private static ThrowAwayPostgres standby;
    private static RunningService service;
    private static String ann;
    private static String bob;
    private static String cat;

    @BeforeAll
    static void start() {
        assumeTrue(
                ThrowAwayPostgres.available(), "PostgreSQL server binaries (initdb, pg_basebackup) are not installed");
        primary = ThrowAwayPostgres.start();
        String url = primary.createDatabase(DB);
        standby = primary.standby();
        service = RunningService.onDatabase(url, Map.of("DATABASE_READ_URL", standby.jdbcUrl(DB)));
        String prefix = "r" + Long.toString(System.nanoTime(), 36);
        ann = prefix + "ann";
        bob = prefix + "bob";
        cat = prefix + "cat";
        for (String user : new String[] {ann, bob, cat}) {
            assertThat(service.post("/users/me", service.token(user), "{\"first_name\":\"Re\",\"last_name\":\"Plica\"}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(service.post("/friendship/requests", service.token(cat), "{\"user_id2\":\"" + bob + "\"}")
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {service, standby, primary}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception ignored) {
                // Closing what the test started; the rest still closes.
            }
        }
    }

    @Test
    @Order(1)
    void listAndSearchReadsGoToTheStandbyWhileEachWriterReadsTheirOwnWrites() throws Exception {
        waitUntilReplayed();
        // The service clears ann's pending write at the first replica check that begins after it and finds the
        // standby replayed past the primary position it read. A check that begins only after the writes below sees
        // a position the paused standby never reaches, and ann would stay on the primary: let checks (every 100 ms)
        // run first. Without this wait the test failed in CI when the setup took less than one check interval.
        Thread.sleep(1_000);
        standby.execute(DB, "SELECT pg_wal_replay_pause()");
        waitFor(() -> "paused".equals(standbyValue("SELECT pg_get_wal_replay_pause_state()")));

        assertThat(service.post("/friendship/accept", service.token(bob), "{\"user_id1\":\"" + cat + "\"}")
                        .status())
                .isEqualTo(200);
        String dan = bob.replace("bob", "dan");
        assertThat(service.post("/users/me", service.token(dan), "{\"first_name\":\"Zanzibar\",\"last_name\":\"Quux\"}")
                        .status())
                .isEqualTo(200);

        // (a) ann's last write (her profile) is replayed, and the service learns that at its next replica check, a
        // moment after the standby replayed it: from then on her list and search reads come from the paused standby
        // and miss both writes. Were they not routed there, this wait would fail.
        waitFor(() -> !friendsOfBob(ann).contains(cat));
        assertThat(search(ann, "Zanzibar")).doesNotContain(dan);
        // (b) bob's and dan's reads go to the primary until the standby has replayed their writes.
        assertThat(friendsOfBob(bob)).contains(cat);
        assertThat(service.get("/friendship/all", service.token(bob)).body()).contains(cat);
        assertThat(search(bob, "Zanzibar")).contains(dan); // bob's reads are on the primary, which has dan

        standby.execute(DB, "SELECT pg_wal_replay_resume()");
        waitFor(() -> friendsOfBob(ann).contains(cat));
        assertThat(search(ann, "Zanzibar")).contains(dan);
    }

    @Test
    @Order(2)
    void stoppedStandbySendsReadsToThePrimary() {
        standby.stop();

        for (int i = 0; i < 20; i++) {
            RunningService.Response friends = service.get("/users/id/" + bob + "/friends", service.token(ann));
            assertThat(friends.status()).as(friends.body()).isEqualTo(200);
            assertThat(friends.body()).contains(cat);
            RunningService.Response found = service.get("/users/search/name/Re", service.token(ann));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
        }

        standby.startAgain();
        waitUntilReplayed();
        assertThat(friendsOfBob(ann)).contains(cat);
    }

    private static String friendsOfBob(String reader) {
        RunningService.Response response = service.get("/users/id/" + bob + "/friends", service.token(reader));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String search(String reader, String text) {
        RunningService.Response response = service.get("/users/search/name/" + text, service.token(reader));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void waitUntilReplayed() {
        String target = value(primary, "SELECT pg_current_wal_lsn()::text");
        waitFor(() -> "t".equals(standbyValue("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")));
    }

    private static String standbyValue(String sql) {
        return value(standby, sql);
    }

    private static String value(ThrowAwayPostgres cluster, String sql) {
        try (Connection connection = cluster.connect(DB);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException failed) {
            return "error: " + failed.getMessage();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
