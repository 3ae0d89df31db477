package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class archive of the image (infrastructure/Dockerfile), made as there from the packaged jar with the production
 * flags: the training exits 0, writes nothing to standard output and leaves no temporary home behind, and the next
 * start maps the service's classes from the archive without a warning.
 */
class ClassArchiveTrainingIT {

    private static final Path JAR = Path.of("target/user-api.jar").toAbsolutePath();
    private static final Path JVM_OPTIONS = Path.of("../infrastructure/jvm.options").toAbsolutePath().normalize();

    @Test
    void trainingRecordsAnArchiveThatTheNextStartMapsWithoutAWarning(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("user-api.jsa");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        Finished training = java("-Djava.io.tmpdir=" + tmp, "-XX:ArchiveClassesAtExit=" + archive,
                "-jar", JAR.toString(), ClassArchiveTraining.COMMAND);

        assertThat(training.exit()).as(training.stderr()).isZero();
        assertThat(training.stdout()).isEmpty();
        assertThat(training.stderr()).contains("POST /users/me 200").contains("PUT /users/me 200")
                .contains("Class archive training done");
        assertThat(Files.size(archive)).as("archive bytes").isGreaterThan(20L << 20);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("user-api"));
        }

        Path classes = dir.resolve("classes.log");
        Finished help = java("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info:file=" + classes,
                "-jar", JAR.toString(), "help");

        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("usage: user-api").contains(ClassArchiveTraining.COMMAND);
        assertThat(help.stderr()).as("no JVM warning (a stale archive is one)").isEmpty();
        assertThat(Files.readString(classes))
                .contains(Main.class.getName() + " source: shared objects file (top)");
    }

    private record Finished(int exit, String stdout, String stderr) {
    }

    private static Finished java(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + JVM_OPTIONS));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("LOG_LEVEL"); // the training's access log lines are INFO
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 90 s");
        }
        return new Finished(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException closed) {
            return "";
        }
    }
}
