package com.pagenow.userapi.adapter.rest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document passes {@code redocly lint} with the recommended rules (@redocly/cli 2.77.0, installed
 * under target/tools/ by .ci/setup.d/30-browser-docs-tools.sh). Skips, saying why, where node or npm is missing.
 */
class OpenApiLintTest {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).getParent();
    private static final Path REDOCLY = REPOSITORY.resolve("target/tools/redocly/node_modules/.bin/redocly");
    private static final Path SETUP = REPOSITORY.resolve(".ci/setup.d/30-browser-docs-tools.sh");

    @Test
    void theDocumentPassesRedoclyLintWithTheRecommendedRules() throws Exception {
        Assumptions.assumeTrue(
                onPath("node") && onPath("npm"),
                "skipped: node and npm are needed for redocly lint (apt-get install nodejs npm)");
        if (!Files.isExecutable(REDOCLY)) {
            run(300, "bash", SETUP.toString());
        }
        Assumptions.assumeTrue(
                Files.isExecutable(REDOCLY),
                "skipped: @redocly/cli could not be installed by " + SETUP + " (is the npm registry reachable?)");
        Path document = Path.of(System.getProperty("user.dir"), "src/main/resources", DocsRoutes.DOCUMENT_RESOURCE);

        Result lint = run(120, REDOCLY.toString(), "lint", document.toString(), "--format=stylish");

        assertThat(lint.exit())
                .as("redocly lint exit status; its output:%n%s", lint.output())
                .isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    private record Result(int exit, String output) {}

    private static Result run(int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
