package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.DatabaseTimeouts;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;
import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.rest.http.RateLimits;
import com.pagenow.userapi.adapter.storage.S3StorageSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of(
                "COGNITO_REGION",
                "us-west-2",
                "COGNITO_POOL_ID",
                "us-west-2_Pool",
                "PROFILE_IMAGE_BUCKET_NAME",
                "pagenow-images",
                "AWS_REGION_NAME",
                "ap-northeast-2"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void postgresUrlBecomesJdbcWithCredentialsAndSslRequiredForRemoteHosts() {
        ServiceConfig config = ServiceConfig.fromEnvironment(
                env("DATABASE_URL", "postgresql://app:s%40cret@db.example.com:6543/pagenow"));
        assertThat(config.database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/pagenow?sslmode=require");
        assertThat(config.database().username()).isEqualTo("app");
        assertThat(config.database().password()).isEqualTo("s@cret");
        assertThat(config.database().toString()).doesNotContain("s@cret");
    }

    @Test
    void localhostDatabaseDoesNotRequireSslUnlessAsked() {
        assertThat(ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"))
                        .database()
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/db?sslmode=disable");
        assertThat(ServiceConfig.fromEnvironment(
                                env("DATABASE_URL", "postgres://u@localhost/db", "DATABASE_SSL", "require"))
                        .database()
                        .jdbcUrl())
                .endsWith("sslmode=require");
    }

    @Test
    void oldRdsVariablesStillWork() {
        ServiceConfig config = ServiceConfig.fromEnvironment(env(
                "RDS_HOST",
                "rds.internal",
                "RDS_PORT",
                "5433",
                "RDS_DB_NAME",
                "users",
                "RDS_USERNAME",
                "svc",
                "RDS_PASSWORD",
                "pw",
                "POSTGRES_SERVER",
                "ignored"));
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://rds.internal:5433/users?sslmode=require");
        assertThat(config.database().username()).isEqualTo("svc");
    }

    @Test
    void postgresVariablesAreTheLastFallback() {
        ServiceConfig config = ServiceConfig.fromEnvironment(
                env("POSTGRES_SERVER", "127.0.0.1", "POSTGRES_DB", "app", "POSTGRES_USER", "me"));
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?sslmode=disable");
    }

    @Test
    void databaseTimeLimitsHaveSafeDefaultsAndReadDurations() {
        ServiceConfig defaults = ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"));
        assertThat(defaults.database().timeouts()).isEqualTo(DatabaseTimeouts.DEFAULTS);
        assertThat(DatabaseTimeouts.DEFAULTS.poolWait()).isLessThanOrEqualTo(Duration.ofSeconds(2));

        DatabaseTimeouts set = ServiceConfig.fromEnvironment(env(
                        "DATABASE_URL",
                        "postgres://u@localhost/db",
                        "DATABASE_POOL_WAIT",
                        "750ms",
                        "DATABASE_CONNECT_TIMEOUT",
                        "3",
                        "DATABASE_STATEMENT_TIMEOUT",
                        "20s",
                        "DATABASE_MIGRATION_STATEMENT_TIMEOUT",
                        "90m"))
                .database()
                .timeouts();
        assertThat(set.poolWait()).isEqualTo(Duration.ofMillis(750));
        assertThat(set.connect()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.statement()).isEqualTo(Duration.ofSeconds(20));
        assertThat(set.socket()).as("follows the statement limit").isEqualTo(Duration.ofSeconds(25));
        assertThat(set.migrationStatement()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void badDatabaseTimeLimitsNameTheVariable() {
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgres://u@localhost/db", "DATABASE_POOL_WAIT", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_POOL_WAIT must be a duration");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env(
                        "DATABASE_URL",
                        "postgres://u@localhost/db",
                        "DATABASE_STATEMENT_TIMEOUT",
                        "10s",
                        "DATABASE_SOCKET_TIMEOUT",
                        "5s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_SOCKET_TIMEOUT");
    }

    @Test
    void requestQueueIsBoundedByDefault() {
        RestSettings http = ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"))
                .http();
        assertThat(http.maxConcurrentRequests())
                .isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        assertThat(http.maxQueuedRequests()).isEqualTo(64);
        assertThat(http.maxQueueWait()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(ServiceConfig.fromEnvironment(
                                env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_MAX_QUEUED_REQUESTS", "0"))
                        .http()
                        .maxQueuedRequests())
                .isZero();
        assertThat(ServiceConfig.fromEnvironment(
                                env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_MAX_QUEUE_WAIT", "500ms"))
                        .http()
                        .maxQueueWait())
                .isEqualTo(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_MAX_QUEUE_WAIT", "0s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP_MAX_QUEUE_WAIT");
    }

    @Test
    void keptAliveConnectionsOutlastTheLoadBalancersIdleTimeoutByDefault() {
        RestSettings defaults = ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"))
                .http();
        // The ALB closes idle connections after 60 s; the service must not close one it may still reuse.
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(75)).isGreaterThan(Duration.ofSeconds(60));
        assertThat(ServiceConfig.fromEnvironment(
                                env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_IDLE_TIMEOUT", "3s"))
                        .http()
                        .idleTimeout())
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_IDLE_TIMEOUT", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP_IDLE_TIMEOUT");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_IDLE_TIMEOUT", "a minute")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("HTTP_IDLE_TIMEOUT must be a duration");
    }

    @Test
    void streamLimitFitsA512MibTask() {
        assertThat(ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"))
                        .events()
                        .streams()
                        .maxStreams())
                .isEqualTo(4_000);
    }

    @Test
    void directUrlServesListenAndMigrationsWithItsOwnOrTheMainCredentials() {
        PersistenceSettings none = ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgresql://app:pw@proxy.example.com/pagenow"))
                .database();
        assertThat(none.directJdbcUrl()).isEqualTo(none.jdbcUrl());

        PersistenceSettings bare = ServiceConfig.fromEnvironment(env(
                        "DATABASE_URL",
                        "postgresql://app:pw@proxy.example.com/pagenow",
                        "DATABASE_DIRECT_URL",
                        "jdbc:postgresql://writer.example.com:5432/pagenow"))
                .database();
        assertThat(bare.directJdbcUrl()).isEqualTo("jdbc:postgresql://writer.example.com:5432/pagenow?sslmode=require");
        assertThat(bare.directUsername()).isEqualTo("app");
        assertThat(bare.directPassword()).isEqualTo("pw");

        PersistenceSettings own = ServiceConfig.fromEnvironment(env(
                        "DATABASE_URL",
                        "postgresql://app:pw@proxy.example.com/pagenow",
                        "DATABASE_DIRECT_URL",
                        "postgresql://owner:s%40cret@writer.example.com/pagenow"))
                .database();
        assertThat(own.directUsername()).isEqualTo("owner");
        assertThat(own.directPassword()).isEqualTo("s@cret");
        assertThat(own.toString()).doesNotContain("s@cret").doesNotContain("pw");

        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env(
                        "DATABASE_URL",
                        "postgres://u@localhost/db",
                        "DATABASE_DIRECT_URL",
                        "mysql://u:topsecret@h/db")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_DIRECT_URL must look like")
                .message()
                .doesNotContain("topsecret");
    }

    @Test
    void quickReadsRunOnTheIoThreadsUnlessSwitchedOff() {
        assertThat(ServiceConfig.fromEnvironment(env("DATABASE_URL", "postgres://u@localhost/db"))
                        .http()
                        .quickReadsOnIoThreads())
                .isTrue();
        assertThat(ServiceConfig.fromEnvironment(env(
                                "DATABASE_URL", "postgres://u@localhost/db", "HTTP_QUICK_READS_ON_IO_THREADS", "FALSE"))
                        .http()
                        .quickReadsOnIoThreads())
                .isFalse();
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "postgres://u@localhost/db", "HTTP_QUICK_READS_ON_IO_THREADS", "no")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("HTTP_QUICK_READS_ON_IO_THREADS must be true or false, got 'no'");
    }

    @Test
    void missingDatabaseNamesTheVariable() {
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL is not set");
    }

    @Test
    void badUrlDoesNotEchoThePassword() {
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env("DATABASE_URL", "mysql://u:topsecret@h/db")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL must look like")
                .message()
                .doesNotContain("topsecret");
    }

    @Test
    void rateLimitsHaveGenerousDefaultsAndCanBeChangedOrTurnedOff() {
        ServiceConfig defaults = ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:postgresql://h/db"));
        assertThat(defaults.http().rateLimits()).isEqualTo(new RateLimits(300, 600));
        ServiceConfig set = ServiceConfig.fromEnvironment(env(
                "DATABASE_URL",
                "jdbc:postgresql://h/db",
                "RATE_LIMIT_WRITES_PER_MINUTE",
                "0",
                "RATE_LIMIT_SEARCHES_PER_MINUTE",
                "30"));
        assertThat(set.http().rateLimits()).isEqualTo(new RateLimits(0, 30));
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "RATE_LIMIT_WRITES_PER_MINUTE", "lots")))
                .hasMessageStartingWith("RATE_LIMIT_WRITES_PER_MINUTE");
    }

    @Test
    void clockSkewIsSixtySecondsUnlessSet() {
        assertThat(ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:postgresql://h/db"))
                        .cognito()
                        .clockSkew())
                .hasSeconds(60);
        ServiceConfig tight = ServiceConfig.fromEnvironment(
                env("DATABASE_URL", "jdbc:postgresql://h/db", "COGNITO_CLOCK_SKEW_SECONDS", "5"));
        assertThat(tight.cognito().clockSkew()).hasSeconds(5);
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "COGNITO_CLOCK_SKEW_SECONDS", "-1")))
                .hasMessageStartingWith("COGNITO_CLOCK_SKEW_SECONDS");
    }

    @Test
    void badNumbersAndModesNameTheVariable() {
        assertThatThrownBy(() ->
                        ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:postgresql://h/db", "PORT", "80a")))
                .hasMessageStartingWith("PORT must be a whole number");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "DATABASE_POOL_SIZE", "0")))
                .hasMessageStartingWith("DATABASE_POOL_SIZE");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "DATABASE_SSL", "sometimes")))
                .hasMessageStartingWith("DATABASE_SSL");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "COGNITO_TOKEN_USE", "refresh")))
                .hasMessageStartingWith("COGNITO_TOKEN_USE");
    }

    @Test
    void cognitoDefaultsFollowThePool() {
        ServiceConfig config = ServiceConfig.fromEnvironment(env(
                "DATABASE_URL",
                "jdbc:postgresql://h/db",
                "COGNITO_APP_CLIENT_IDS",
                "a, b",
                "COGNITO_TOKEN_USE",
                "id,access"));
        assertThat(config.cognito().issuer()).isEqualTo("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Pool");
        assertThat(config.cognito().jwksUrl().toString())
                .isEqualTo("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Pool/.well-known/jwks.json");
        assertThat(config.cognito().appClientIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(config.cognito().tokenUses()).isEqualTo(Set.of("id", "access"));
    }

    @Test
    void missingPoolNamesTheVariable() {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "jdbc:postgresql://h/db"));
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env))
                .hasMessageStartingWith("COGNITO_POOL_ID is not set");
    }

    @Test
    void httpDefaultsAndCorsList() {
        ServiceConfig defaults = ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:postgresql://h/db"));
        assertThat(defaults.http().host()).isEqualTo("0.0.0.0");
        assertThat(defaults.http().port()).isEqualTo(8000);
        assertThat(defaults.http().corsAllowedOrigins()).isEmpty();
        ServiceConfig listed = ServiceConfig.fromEnvironment(env(
                "DATABASE_URL",
                "jdbc:postgresql://h/db",
                "CORS_ALLOWED_ORIGINS",
                "https://a.example, https://b.example"));
        assertThat(listed.http().corsAllowedOrigins())
                .containsExactlyInAnyOrder("https://a.example", "https://b.example");
    }

    @Test
    void anEmbeddedDatabaseUrlIsForDevModeOnly() {
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:h2:mem:x")))
                .hasMessageStartingWith("DATABASE_URL must be a PostgreSQL URL");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "DATABASE_READ_URL", "jdbc:h2:tcp://evil/x")))
                .hasMessageStartingWith("DATABASE_READ_URL must be");
    }

    @Test
    void anyCorsOriginIsForDevModeOnly() {
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "CORS_ALLOWED_ORIGINS", "*")))
                .hasMessageStartingWith("CORS_ALLOWED_ORIGINS=* (any origin) is for dev");
        assertThat(HttpConfig.fromDevMode(new Environment(Map.of()), "127.0.0.1")
                        .corsAllowedOrigins())
                .isEqualTo(HttpConfig.ANY_ORIGIN);
        assertThat(HttpConfig.fromDevMode(
                                new Environment(Map.of("CORS_ALLOWED_ORIGINS", "https://a.example")), "127.0.0.1")
                        .corsAllowedOrigins())
                .containsExactly("https://a.example");
    }

    @Test
    void imageBucketRegionAndOptionalEndpoint() {
        ServiceConfig config = ServiceConfig.fromEnvironment(env("DATABASE_URL", "jdbc:postgresql://h/db"));
        assertThat(config.storage()).isEqualTo(new S3StorageSettings("pagenow-images", "ap-northeast-2", null));
        ServiceConfig local = ServiceConfig.fromEnvironment(
                env("DATABASE_URL", "jdbc:postgresql://h/db", "S3_ENDPOINT_URL", "http://127.0.0.1:4568"));
        assertThat(local.storage().endpoint()).hasToString("http://127.0.0.1:4568");
    }

    @Test
    void aStartWithoutBucketOrRegionNamesTheVariable() {
        Map<String, String> noBucket = env("DATABASE_URL", "jdbc:postgresql://h/db");
        noBucket.remove("PROFILE_IMAGE_BUCKET_NAME");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(noBucket))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PROFILE_IMAGE_BUCKET_NAME is not set: the S3 bucket that holds profile images")
                .hasMessageNotContaining("\n");
        Map<String, String> noRegion = env("DATABASE_URL", "jdbc:postgresql://h/db");
        noRegion.remove("AWS_REGION_NAME");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(noRegion))
                .hasMessage("AWS_REGION_NAME is not set: the AWS region of bucket pagenow-images");
        assertThatThrownBy(() -> ServiceConfig.fromEnvironment(
                        env("DATABASE_URL", "jdbc:postgresql://h/db", "S3_ENDPOINT_URL", "localhost:4568")))
                .hasMessageStartingWith("S3_ENDPOINT_URL must be an http(s) URL");
    }
}
