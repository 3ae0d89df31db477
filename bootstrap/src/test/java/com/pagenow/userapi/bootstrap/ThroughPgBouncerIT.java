package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.EventStreamClient.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole service with its pools behind PgBouncer in transaction mode, the local stand-in for RDS Proxy: it
 * starts (no startup options), serves every call of the client replay ({@link ClientReplayIT}'s tests run here
 * too, through the bouncer), and delivers live events, whose {@code LISTEN} and the migrations go straight to
 * PostgreSQL ({@code DATABASE_DIRECT_URL}).
 */
class ThroughPgBouncerIT extends ClientReplayIT {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/.*$");

    private PgBouncer bouncer;

    @Override
    RunningService startService() {
        assumeTrue(
                PgBouncer.available(),
                "pgbouncer is not installed (Debian package pgbouncer; .ci/setup.d/40-pgbouncer.sh installs it)");
        try {
            return startThroughTheBouncer();
        } catch (RuntimeException failed) {
            throw new IllegalStateException(
                    "did not start through PgBouncer; its log:\n" + (bouncer == null ? "(not started)" : bouncer.log()),
                    failed);
        }
    }

    private RunningService startThroughTheBouncer() {
        return RunningService.start(getClass(), database -> {
            Matcher server = HOST_PORT.matcher(database.jdbcUrl());
            assertThat(server.matches()).as(database.jdbcUrl()).isTrue();
            bouncer = PgBouncer.start(
                    server.group(1), Integer.parseInt(server.group(2)), database.username(), database.password());
            // The bouncer knows only the users of its auth file: the user is named, not left to the driver.
            String user = (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.username();
            return Map.of(
                    "DATABASE_URL",
                    bouncer.through(database.jdbcUrl()) + user,
                    "DATABASE_DIRECT_URL",
                    database.jdbcUrl(),
                    CORS_ALLOWED_ORIGINS,
                    CLIENT_ORIGINS);
        });
    }

    @AfterAll
    @Override
    void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (bouncer != null) {
                bouncer.close();
            }
        }
    }

    @Test
    void everyPoolConnectsThroughTheBouncerWithoutStartupOptions() {
        assertThat(service.get("/health", null).status()).isEqualTo(200);
        assertThat(bouncer.log()).contains("new connection to server").doesNotContain("unsupported startup parameter");
    }

    @Test
    void aLiveEventReachesTheStreamWithinASecond() {
        String ann = registeredThroughTheBouncer("pgb-ann");
        String ben = registeredThroughTheBouncer("pgb-ben");
        try (EventStreamClient stream = EventStreamClient.open(service.port(), ann, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(service.post("/friendship/requests", ben, "{\"user_id2\":\"pgb-ann\"}")
                            .status())
                    .isEqualTo(200);
            long committed = System.nanoTime();
            Event request = stream.next(Duration.ofSeconds(1));
            assertThat(request).as("friend_request within 1 s").isNotNull();
            assertThat(request.name()).isEqualTo("friend_request");
            assertThat(Duration.ofNanos(request.receivedNanos() - committed)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private String registeredThroughTheBouncer(String userId) {
        String token = service.token(userId);
        assertThat(service.post("/users/me", token, "{\"first_name\":\"Pg\",\"last_name\":\"Bouncer\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }
}
