package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTest {

    @Test
    void anAotCacheAskedForAndNotMappedIsOneWarningNamingIt() {
        assertThat(StartupCache.warning(List.of("-Xmx160m", "-XX:AOTCache=/app/user-api.aot"), "mixed mode"))
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("user-api: the AOT cache /app/user-api.aot could not be used")
                        .doesNotContain("\n"));
    }

    @Test
    void aMappedCacheOrNoneAskedForOrAJdk17ArchiveIsSilent() {
        assertThat(StartupCache.warning(List.of("-XX:AOTCache=/app/user-api.aot"), "mixed mode, sharing"))
                .isEmpty();
        assertThat(StartupCache.warning(List.of("-Xmx160m"), "mixed mode")).isEmpty();
        // JDK 17: the JVM's own one-line warning covers a class archive that does not fit.
        assertThat(StartupCache.warning(List.of("-XX:SharedArchiveFile=/app/user-api.jsa"), "mixed mode"))
                .isEmpty();
    }
}
