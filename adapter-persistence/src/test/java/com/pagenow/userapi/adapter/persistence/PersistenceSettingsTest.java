package com.pagenow.userapi.adapter.persistence;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistenceSettingsTest {

    @Test
    void textFormNeverShowsThePasswordOrTheUrlParameters() {
        PersistenceSettings settings = PersistenceSettings.of(
                        "jdbc:postgresql://db:5432/app?password=url-secret", "app", "field-secret")
                .withPoolSize(10);

        assertThat(settings.toString())
                .doesNotContain("url-secret")
                .doesNotContain("field-secret")
                .contains("jdbc:postgresql:...");
    }

    @Test
    void blankUrlOrEmptyPoolIsRejected() {
        assertThatThrownBy(() -> PersistenceSettings.of(" ", "u", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> PersistenceSettings.of("jdbc:h2:mem:x", "u", null).withPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankReadReplicaUrlMeansNoReplica() {
        assertThat(PersistenceSettings.of("jdbc:h2:mem:x", "u", null)
                        .withReadJdbcUrl("  ")
                        .readJdbcUrl())
                .isNull();
    }

    @Test
    void vendorFollowsTheUrl() {
        assertThat(Vendor.of("jdbc:postgresql://h/db").dialect()).isEqualTo(SQLDialect.POSTGRES);
        assertThat(Vendor.of("JDBC:H2:file:/tmp/x").dialect()).isEqualTo(SQLDialect.H2);
        assertThat(Vendor.of("jdbc:h2:mem:x").migrationLocation()).isEqualTo("classpath:db/migration/h2");
    }

    @Test
    void eachVendorMigratesFromTheSharedFolderAndItsOwn() {
        assertThat(Vendor.H2.migrationLocations())
                .containsExactly("classpath:db/migration/common", "classpath:db/migration/h2");
        assertThat(Vendor.POSTGRESQL.migrationLocations())
                .containsExactly("classpath:db/migration/common", "classpath:db/migration/postgresql");
    }

    @Test
    void unsupportedUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> Vendor.of("jdbc:mysql://db/app?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql:")
                .message()
                .doesNotContain("hunter2");
    }
}
