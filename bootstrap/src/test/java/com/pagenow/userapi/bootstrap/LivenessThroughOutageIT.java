package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Liveness apart from readiness: a throw-away PostgreSQL is stopped for a minute (an Aurora failover, a patch, a
 * rotation). All along, {@code /ping} answers 200 and the container's health check ({@link HealthProbe}) passes, so
 * the orchestrator keeps the task; API requests get a fast 503 with Retry-After, and {@code /health} (readiness, for
 * alarms) says the database is down. Once the database is back the same service serves again, without a restart.
 * Size: {@code -Duser.api.fault.long.outage.ms} (default 60000).
 */
class LivenessThroughOutageIT {

    private static final Duration OUTAGE = Duration.ofMillis(Long.getLong("user.api.fault.long.outage.ms", 60_000));
    private static final Duration POOL_WAIT = Duration.ofSeconds(1);
    /** One pool wait, plus scheduling on a busy machine. */
    private static final Duration BOUND = POOL_WAIT.plusSeconds(2);
    /** {@code /health} may answer from a recent check for a few seconds. */
    private static final Duration READINESS_SETTLES = Duration.ofSeconds(10);

    @Test
    void aMinuteWithoutTheDatabaseKeepsTheTaskAliveAndAnsweringFast503s() throws Exception {
        assumeTrue(ThrowAwayPostgres.available(), "PostgreSQL server binaries (initdb, pg_ctl) are not installed");
        try (ThrowAwayPostgres cluster = ThrowAwayPostgres.start()) {
            String url = cluster.createDatabase("liveness");
            try (RunningService service = RunningService.onDatabase(
                    url, Map.of("DATABASE_POOL_SIZE", "4", "DATABASE_POOL_WAIT", POOL_WAIT.toMillis() + "ms"))) {
                String token = service.token("alive");
                assertThat(service.post("/users/me", token, "{\"first_name\":\"Al\",\"last_name\":\"Ive\"}")
                                .status())
                        .isEqualTo(200);
                String port = Integer.toString(service.port());
                assertThat(HealthProbe.healthy(port)).isTrue();

                cluster.stop();
                long stopped = System.nanoTime();
                long deadline = System.nanoTime() + OUTAGE.toNanos();
                int rounds = 0;
                while (System.nanoTime() < deadline) {
                    rounds++;
                    long started = System.nanoTime();
                    RunningService.Response ping = service.get("/ping", null);
                    assertThat(ping.status())
                            .as("GET /ping in round %d", rounds)
                            .isEqualTo(200);
                    assertThat(elapsed(started))
                            .as("GET /ping in round %d", rounds)
                            .isLessThan(BOUND);

                    assertThat(HealthProbe.healthy(port))
                            .as("the container's check in round %d", rounds)
                            .isTrue();

                    started = System.nanoTime();
                    RunningService.Response me = service.get("/users/me", token);
                    assertThat(me.status())
                            .as("GET /users/me in round %d: %s", rounds, me.body())
                            .isEqualTo(503);
                    assertThat(me.header("Retry-After")).isEqualTo("2");
                    assertThat(me.body()).contains("\"status\":503").doesNotContain("SQL");
                    assertThat(elapsed(started))
                            .as("GET /users/me in round %d", rounds)
                            .isLessThan(BOUND);

                    if (elapsed(stopped).compareTo(READINESS_SETTLES) > 0) {
                        assertThat(service.get("/health", null).status())
                                .as("readiness")
                                .isEqualTo(503);
                    }
                    Thread.sleep(500);
                }
                System.out.printf(
                        "LivenessThroughOutageIT: %d rounds of ping, health check, API request and "
                                + "/health over an outage of %d s%n",
                        rounds, OUTAGE.toSeconds());

                cluster.startAgain();
                long recoveryDeadline =
                        System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int status = 0;
                while (System.nanoTime() < recoveryDeadline && status != 200) {
                    status = service.get("/users/me", token).status();
                    if (status != 200) {
                        Thread.sleep(200);
                    }
                }
                assertThat(status).as("the same service serves again").isEqualTo(200);
                long readyDeadline = System.nanoTime() + READINESS_SETTLES.toNanos();
                while (service.get("/health", null).status() != 200 && System.nanoTime() < readyDeadline) {
                    Thread.sleep(200);
                }
                assertThat(service.get("/health", null).status()).isEqualTo(200);
                assertThat(HealthProbe.healthy(port)).isTrue();
            }
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
