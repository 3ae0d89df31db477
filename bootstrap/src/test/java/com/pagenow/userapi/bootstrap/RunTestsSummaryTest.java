package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./run-tests} ends with the per-module result lines and one line summing the whole run. */
class RunTestsSummaryTest {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theLastLineSumsEveryModulesResults(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("test-run.log");
        Files.writeString(
                log,
                String.join(
                        "\n",
                        "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in com.example.ATest",
                        "[INFO] Results:",
                        "[INFO] Tests run: 47, Failures: 0, Errors: 0, Skipped: 0",
                        "[WARNING] Tests run: 12, Failures: 0, Errors: 0, Skipped: 2",
                        "[ERROR] Tests run: 36, Failures: 3, Errors: 1, Skipped: 0",
                        "[INFO] BUILD FAILURE",
                        ""));

        List<String> lines = summary(log);

        assertThat(lines)
                .containsExactly(
                        "[INFO] Tests run: 47, Failures: 0, Errors: 0, Skipped: 0",
                        "[WARNING] Tests run: 12, Failures: 0, Errors: 0, Skipped: 2",
                        "[ERROR] Tests run: 36, Failures: 3, Errors: 1, Skipped: 0",
                        "TOTAL (3 Surefire/Failsafe runs): tests run 95, failed 3, errored 1, skipped 2");
    }

    @Test
    void aBuildThatFailedBeforeTheTestsSaysSo(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("test-run.log");
        Files.writeString(log, "[ERROR] COMPILATION ERROR\n");

        assertThat(summary(log))
                .containsExactly("[ERROR] no Surefire/Failsafe summary found (the build failed before the tests ran)");
    }

    @Test
    void runTestsPrintsTheSummary() throws Exception {
        assertThat(Files.readString(REPOSITORY.resolve("run-tests")))
                .contains(".ci/test-summary.sh target/test-run.log");
    }

    private static List<String> summary(Path log) throws Exception {
        Process process = new ProcessBuilder(
                        "bash", REPOSITORY.resolve(".ci/test-summary.sh").toString(), log.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return output.lines().toList();
    }
}
