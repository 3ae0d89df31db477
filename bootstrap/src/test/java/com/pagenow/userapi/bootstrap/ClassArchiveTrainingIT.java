package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up caches, made as the image (infrastructure/Dockerfile) and ./user-api make them from the packaged jar
 * with the production flags: on JDK 17 the class archive, on JDK 25 the AOT cache, each by that JDK's java whichever
 * JDK runs the tests (a case skips, saying so, when its JDK is not installed). The training exits 0, writes nothing
 * to standard output and leaves no temporary home behind; the next start maps the service's classes without a
 * warning; and a cache that does not fit is ignored with one warning line, never a failed start.
 */
class ClassArchiveTrainingIT {

    private static final Path JAR = Path.of("target/user-api.jar").toAbsolutePath();
    private static final Path JVM_OPTIONS =
            Path.of("../infrastructure/jvm.options").toAbsolutePath().normalize();
    private static final Path LAUNCHER = Path.of("../user-api").toAbsolutePath().normalize();
    /**
     * The class archive is JDK 17's cache (./user-api makes the AOT cache on 25, and JDK 25 cannot always write a
     * JDK 17-style archive of this service: "Unable to allocate from 'ro' region"): this JVM when it is a 17, else
     * where Debian keeps one.
     */
    private static final Path JDK_17 = Runtime.version().feature() == 17
            ? Path.of(System.getProperty("java.home"))
            : Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    /** Where the children's output goes until they end. */
    private static final Path OUTPUT = Path.of("target");
    /** The flags the image's ENTRYPOINT adds on JDK 25 (DeploymentFilesTest holds them equal). */
    private static final List<String> JDK_25_FLAGS = List.of("--sun-misc-unsafe-memory-access=allow");

    private static final String QUIET_AOT = "-Xlog:aot*=off:stderr";
    private static final Duration PROCESS_LIMIT = Duration.ofSeconds(240);

    @Test
    void onJdk17TheTrainingRecordsAnArchiveThatTheNextStartMapsWithoutAWarning(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(JDK_17.resolve("bin/java")),
                "no JDK 17 at " + JDK_17 + ": the class archive is not checked");
        Path archive = dir.resolve("user-api.jsa");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        Finished training = java(
                JDK_17,
                "-Djava.io.tmpdir=" + tmp,
                "-XX:ArchiveClassesAtExit=" + archive,
                "-jar",
                JAR.toString(),
                ClassArchiveTraining.COMMAND);

        assertThat(training.exit()).as(training.output()).isZero();
        assertThat(training.stdout()).isEmpty();
        assertThat(training.stderr())
                .contains("POST /users/me 200")
                .contains("PUT /users/me 200")
                .contains("Class archive training done");
        assertThat(Files.size(archive)).as("archive bytes").isGreaterThan(20L << 20);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("user-api"));
        }

        Path classes = dir.resolve("classes.log");
        Finished help = java(
                JDK_17,
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classes,
                "-jar",
                JAR.toString(),
                "help");

        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("usage: user-api").contains(ClassArchiveTraining.COMMAND);
        assertThat(help.stderr()).as("no JVM warning (a stale archive is one)").isEmpty();
        assertThat(Files.readString(classes)).contains(Main.class.getName() + " source: shared objects file (top)");
    }

    @Test
    void onJdk25TheTrainingRecordsAnAotCacheThatTheNextStartMapsWithoutAWarning(@TempDir Path dir) throws Exception {
        assumeJdk25();
        Path cache = dir.resolve("user-api.aot");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<String> training = new ArrayList<>(JDK_25_FLAGS);
        training.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-XX:MaxMetaspaceSize=256m",
                "-XX:AOTCacheOutput=" + cache,
                "-jar",
                JAR.toString(),
                ClassArchiveTraining.COMMAND));

        Finished trained = java(DeploymentFilesTest.JDK_25, training.toArray(String[]::new));

        assertThat(trained.exit()).as(trained.output()).isZero();
        assertThat(trained.stderr()).contains("GET /friendship/relationships").contains("Class archive training done");
        assertThat(Files.size(cache)).as("cache bytes").isGreaterThan(20L << 20);

        Finished help = startWith(cache);
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).startsWith("usage: user-api");
        assertThat(help.stderr()).as("no warning: the cache was mapped").isEmpty();
    }

    @Test
    void onJdk25ACacheThatDoesNotFitIsIgnoredWithOneWarning(@TempDir Path dir) throws Exception {
        assumeJdk25();
        Path damaged = Files.write(dir.resolve("damaged.aot"), new byte[4096]);
        Path missing = dir.resolve("missing.aot");
        for (Path cache : List.of(damaged, missing)) {
            Finished help = startWith(cache);

            assertThat(help.exit()).as(help.stderr()).isZero();
            assertThat(help.stdout()).startsWith("usage: user-api");
            assertThat(help.stderr().lines().toList())
                    .as("one line")
                    .singleElement()
                    .asString()
                    .startsWith("user-api: the AOT cache " + cache + " could not be used");
        }
    }

    /** ./user-api on JDK 25 with a stale cache for that JDK: the service starts, and says so once. */
    @Test
    void theLauncherOnJdk25IgnoresAStaleCacheWithOneWarning() throws Exception {
        assumeJdk25();
        Finished versionLine = run(new ProcessBuilder(
                DeploymentFilesTest.JDK_25.resolve("bin/java").toString(), "-version"));
        // openjdk version "25.0.3" ..., as the launcher reads it
        String version = versionLine.stderr().split("\"")[1];
        Path cache = JAR.resolveSibling("user-api-jdk-" + version + ".aot");
        Path log = JAR.resolveSibling(cache.getFileName() + ".log");
        try {
            Files.write(cache, new byte[4096]); // newer than the jar: taken for this build's cache
            Files.writeString(log, "trained"); // and tried: no training now
            ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "help");
            builder.environment().put("JAVA_HOME", DeploymentFilesTest.JDK_25.toString());
            builder.environment().remove("JAVA_OPTS");
            Finished help = run(builder);

            assertThat(help.exit()).as(help.stderr()).isZero();
            assertThat(help.stdout()).startsWith("usage: user-api");
            assertThat(help.stderr().lines().toList())
                    .as("one line")
                    .singleElement()
                    .asString()
                    .startsWith(
                            "user-api: the AOT cache bootstrap/target/" + cache.getFileName() + " could not be used");
        } finally {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(log);
        }
    }

    private static Finished startWith(Path cache) throws Exception {
        List<String> start = new ArrayList<>(JDK_25_FLAGS);
        start.addAll(List.of("-XX:AOTCache=" + cache, QUIET_AOT, "-jar", JAR.toString(), "help"));
        return java(DeploymentFilesTest.JDK_25, start.toArray(String[]::new));
    }

    private static void assumeJdk25() {
        Assumptions.assumeTrue(
                Files.isExecutable(DeploymentFilesTest.JDK_25.resolve("bin/java")),
                "no JDK 25 at " + DeploymentFilesTest.JDK_25 + ": the AOT cache is not checked");
    }

    private record Finished(int exit, String stdout, String stderr) {

        /** Both streams: the JVM says why it ended on an OutOfMemoryError (status 3) on standard output. */
        String output() {
            return "standard output:\n" + stdout + "\nstandard error:\n" + stderr;
        }
    }

    private static Finished java(Path javaHome, String... arguments) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "@" + JVM_OPTIONS));
        command.addAll(List.of(arguments));
        return run(new ProcessBuilder(command));
    }

    /**
     * Runs the child with its output in files, read once it has ended: nothing depends on a thread draining a pipe.
     * (On JDK 25, CompletableFuture's async tasks share the common pool even when it has one thread, as on 2 cores:
     * the stdout reader held that thread until the child ended, the stderr reader never ran, and the training blocked
     * writing its access log to the full pipe.)
     */
    private static Finished run(ProcessBuilder builder) throws Exception {
        List<String> command = builder.command();
        builder.environment().remove("LOG_LEVEL"); // the training's access log lines are INFO
        Path out = Files.createTempFile(OUTPUT, "process-", ".out");
        Path err = Files.createTempFile(OUTPUT, "process-", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            // A training takes 20-40 s on a quiet machine; a loaded CI machine (2 cores) has needed over 90.
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + PROCESS_LIMIT
                        + "; its standard error:\n" + read(err));
            }
            return new Finished(process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
