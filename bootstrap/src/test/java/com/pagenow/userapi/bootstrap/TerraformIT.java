package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infrastructure/terraform checked as CI must: {@code terraform init -backend=false}, {@code fmt -check},
 * {@code validate} and {@code terraform test} (plans against a mocked AWS provider, tests/*.tftest.hcl), in a copy
 * so that the working tree gets no {@code .terraform/}. Offline with the provider mirror in
 * {@code USER_API_TF_PLUGIN_DIR} (default {@code /opt/tf-plugins}, when it exists). Skipped, saying so, when
 * {@code terraform} is not on the PATH.
 */
class TerraformIT {

    private static final Path SOURCE =
            Path.of("..", "infrastructure", "terraform").toAbsolutePath().normalize();

    @TempDir
    static Path copy;

    @BeforeAll
    static void initialise() throws Exception {
        Assumptions.assumeTrue(
                onPath("terraform"),
                "terraform is not on the PATH: infrastructure/terraform checks (fmt, validate, test) skipped");
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = SOURCE.relativize(file);
                String first = relative.getName(0).toString();
                if (first.equals(".terraform") || first.startsWith(".terraform.lock") || first.endsWith(".tfstate")) {
                    continue;
                }
                Files.createDirectories(copy.resolve(relative).getParent());
                Files.copy(file, copy.resolve(relative));
            }
        }
        List<String> init = new ArrayList<>(List.of("init", "-backend=false", "-input=false", "-no-color"));
        Path mirror = Path.of(System.getenv().getOrDefault("USER_API_TF_PLUGIN_DIR", "/opt/tf-plugins"));
        if (Files.isDirectory(mirror)) {
            init.add("-plugin-dir=" + mirror);
        }
        Run run = terraform(init.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void formatIsCanonical() throws Exception {
        Run run = terraform("fmt", "-check", "-recursive", "-diff", "-no-color");
        assertThat(run.exitCode())
                .as("terraform fmt -check -recursive:%n%s", run.output())
                .isZero();
    }

    @Test
    void configurationIsValid() throws Exception {
        Run run = terraform("validate", "-no-color");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("The configuration is valid.");
    }

    @Test
    void everyDeploymentRuleHoldsOnThePlan() throws Exception {
        Run run = terraform("test", "-no-color");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("Success! \\d+ passed, 0 failed");
    }

    private record Run(int exitCode, String output) {}

    private static Run terraform(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("terraform " + arguments[0] + " did not finish within 10 minutes");
        }
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
