package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /docs in a real browser: headless Debian Chromium driven by playwright-core (npm, under target/tools/, from
 * .ci/setup.d/30-browser-docs-tools.sh) loads the page, finds the operations, authorizes with a token and runs
 * "Try it out" on GET /users/me; the screenshot lands in bootstrap/target/docs-page.png. Skips, saying why, where
 * node, Chromium or playwright-core is missing.
 */
class DocsPageBrowserIT {

    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).getParent();
    private static final Path PLAYWRIGHT = REPOSITORY.resolve("target/tools/playwright/node_modules/playwright-core");
    private static final Path SETUP = REPOSITORY.resolve(".ci/setup.d/30-browser-docs-tools.sh");
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "src/test/js/docs-page.cjs");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(DocsPageBrowserIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void docsPageListsTheOperationsAuthorizesAndTriesOutTheOwnProfile() throws Exception {
        Assumptions.assumeTrue(
                onPath("node"), "skipped: node is needed to drive Chromium (apt-get install nodejs npm)");
        if ((!Files.isExecutable(CHROMIUM) || !Files.isDirectory(PLAYWRIGHT)) && onPath("npm")) {
            run(600, "bash", SETUP.toString());
        }
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "skipped: " + CHROMIUM + " is missing (apt-get install chromium, which " + SETUP + " does as root)");
        Assumptions.assumeTrue(
                Files.isDirectory(PLAYWRIGHT),
                "skipped: playwright-core is missing; " + SETUP + " installs it from the npm registry");
        String token = service.token("docs-reader");
        assertThat(service.post("/users/me", token, "{\"first_name\":\"Docs\",\"last_name\":\"Reader\"}")
                        .status())
                .isEqualTo(200);
        Path screenshot = Path.of(System.getProperty("user.dir"), "target", "docs-page.png");
        Files.deleteIfExists(screenshot);

        ProcessBuilder browser = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        browser.environment().put("PLAYWRIGHT_CORE", PLAYWRIGHT.toString());
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        browser.environment().put("BASE_URL", "http://127.0.0.1:" + service.port());
        browser.environment().put("TOKEN", token);
        browser.environment().put("USER_ID", "docs-reader");
        browser.environment().put("SCREENSHOT", screenshot.toString());
        Result result = run(180, browser);

        assertThat(result.exit()).as("the browser steps:%n%s", result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "ok /docs loads",
                        "ok lists the operations",
                        "ok Authorize takes the token",
                        "ok Try it out on GET /users/me shows the profile: status 200");
        assertThat(screenshot).isNotEmptyFile();
    }

    private record Result(int exit, String output) {}

    private static Result run(int timeoutSeconds, String... command) throws Exception {
        return run(timeoutSeconds, new ProcessBuilder(command).redirectErrorStream(true));
    }

    private static Result run(int timeoutSeconds, ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    String.join(" ", builder.command()) + " did not finish in " + timeoutSeconds + " s");
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
