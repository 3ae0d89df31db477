package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar (after {@code package}) carries H2 for dev mode only as a database: none of its web console (the
 * servlet and server that run SQL from a browser, and the tools that start them).
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target/user-api.jar").toAbsolutePath();

    @Test
    void theJarHasH2ButNotItsWebConsole() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();

            assertThat(names).contains("org/h2/Driver.class");
            assertThat(names)
                    .noneMatch(name -> name.startsWith("org/h2/server/web/")
                            || name.startsWith("org/h2/tools/Console")
                            || name.startsWith("org/h2/tools/GUIConsole"));
        }
    }
}
