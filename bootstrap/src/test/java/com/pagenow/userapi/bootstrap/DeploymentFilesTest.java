package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.CognitoSettings;
import com.pagenow.userapi.adapter.auth.CognitoTokenVerifier;
import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of infrastructure/Dockerfile, jvm.options and compose.yaml, checked by reading the files (no Docker
 * engine in CI): what a new user's {@code docker build} and {@code docker compose up} depend on.
 */
class DeploymentFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path INFRA = REPO.resolve("infrastructure");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AOT_CACHE = "/app/user-api.aot";
    /** Where CI machines and this one keep a JDK 25 beside the default 17. */
    static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    // --- Dockerfile ---

    @Test
    void imageIsMultiStageAndTheRuntimeStageHasOnlyTheJarFromTheBuild() throws IOException {
        List<List<Instruction>> stages = stages();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.get(0).get(0).arguments()).contains("AS build");
        List<Instruction> runtime = stages.get(stages.size() - 1);
        assertThat(runtime.get(0).arguments())
                .as("runtime base image: a JDK 25 JRE")
                .contains("25-jre");
        assertThat(runtime)
                .anySatisfy(step -> assertThat(step.keyword() + " " + step.arguments())
                        .isEqualTo("COPY --from=build /src/bootstrap/target/user-api.jar /app/user-api.jar"));
        assertThat(runtime).noneSatisfy(step -> assertThat(step.arguments()).contains("mvn"));
    }

    @Test
    void imageRunsAsANonRootUser() throws IOException {
        List<Instruction> runtime = runtimeStage();
        Instruction user = last(runtime, "USER");
        assertThat(user).as("USER in the runtime stage").isNotNull();
        String name = user.arguments().split(":")[0];
        assertThat(name).isNotIn("root", "0");
        assertThat(runtime.indexOf(user))
                .as("USER after the last COPY/RUN")
                .isGreaterThan(runtime.indexOf(last(runtime, "COPY")));
    }

    @Test
    void entrypointIsExecFormJavaWithTheProductionJvmOptions() throws IOException {
        List<Instruction> runtime = runtimeStage();
        JsonNode entrypoint = JSON.readTree(last(runtime, "ENTRYPOINT").arguments());
        assertThat(entrypoint.isArray())
                .as("exec form (a JSON array), so SIGTERM reaches the JVM")
                .isTrue();
        assertThat(texts(entrypoint))
                .containsExactly(
                        "java",
                        "@/app/jvm.options",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-XX:AOTCache=" + AOT_CACHE,
                        "-Xlog:aot*=off:stderr",
                        "-jar",
                        "/app/user-api.jar");
        assertThat(runtime)
                .anySatisfy(step -> assertThat(step.keyword() + " " + step.arguments())
                        .isEqualTo("COPY infrastructure/jvm.options /app/jvm.options"));
        assertThat(last(runtime, "STOPSIGNAL").arguments()).isEqualTo("SIGTERM");
        assertThat(last(runtime, "ENV").arguments()).contains("LOG_FORMAT=json").contains("MALLOC_ARENA_MAX=2");
    }

    @Test
    void tmpIsAVolumeOwnedByTheServiceUserSoAReadOnlyRootFileSystemLeavesItWritable() throws IOException {
        List<Instruction> runtime = runtimeStage();
        assertThat(last(runtime, "VOLUME").arguments()).isEqualTo("[\"/tmp\"]");
        String user = last(runtime, "USER").arguments();
        Instruction owned = runtime.stream()
                .filter(step -> step.keyword().equals("RUN") && step.arguments().contains("chown " + user + " /tmp"))
                .findFirst()
                .orElse(null);
        assertThat(owned).as("RUN chown " + user + " /tmp").isNotNull();
        assertThat(runtime.indexOf(owned))
                .as("before the VOLUME, which copies it")
                .isLessThan(runtime.indexOf(last(runtime, "VOLUME")));
    }

    @Test
    void imageTrainsItsAotCacheWithTheProductionFlagsBeforeDroppingRoot() throws IOException {
        List<Instruction> runtime = runtimeStage();
        String training = "java @/app/jvm.options --sun-misc-unsafe-memory-access=allow -XX:MaxMetaspaceSize=256m"
                + " -XX:AOTCacheOutput="
                + AOT_CACHE + " -jar /app/user-api.jar " + ClassArchiveTraining.COMMAND;
        Instruction run = runtime.stream()
                .filter(step -> step.keyword().equals("RUN") && step.arguments().contains(training))
                .findFirst()
                .orElse(null);
        assertThat(run).as("RUN " + training).isNotNull();
        assertThat(run.arguments())
                .as("the cache readable by the runtime user")
                .containsPattern("chmod (0?444|0?644|a\\+r) " + Pattern.quote(AOT_CACHE));
        int at = runtime.indexOf(run);
        assertThat(at)
                .as("after the jar and the flags are in place")
                .isGreaterThan(
                        indexOf(runtime, "COPY --from=build /src/bootstrap/target/user-api.jar /app/user-api.jar"))
                .isGreaterThan(indexOf(runtime, "COPY infrastructure/jvm.options /app/jvm.options"))
                .isLessThan(runtime.indexOf(last(runtime, "USER")));
        // The service's environment (JSON logs) is set before the training, so its classes are in the archive too.
        assertThat(at).isGreaterThan(runtime.indexOf(last(runtime, "ENV")));
    }

    @Test
    void dependencyLayerCopiesThePomOfEveryModuleOfTheBuild() throws IOException {
        // The modules of a profile (the JMH benchmarks) are not part of the image's build.
        String rootPom = Files.readString(REPO.resolve("pom.xml")).replaceAll("(?s)<profiles>.*?</profiles>", "");
        Matcher modulesBlock = Pattern.compile("(?s)<modules>(.*?)</modules>").matcher(rootPom);
        assertThat(modulesBlock.find()).as("the root pom's <modules>").isTrue();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(modulesBlock.group(1));
        List<Instruction> build = stages().get(0);
        int sources = indexOf(build, "COPY . .");
        int modules = 0;
        for (; module.find(); modules++) {
            String name = module.group(1).strip();
            assertThat(indexOf(build, "COPY " + name + "/pom.xml " + name + "/"))
                    .as("COPY %s/pom.xml before the dependencies are fetched", name)
                    .isBetween(0, sources);
        }
        assertThat(modules).isGreaterThanOrEqualTo(7);
    }

    @Test
    void healthCheckAsksGetHealthWithAJvmAndWaitsOutTheMigrations() throws IOException {
        Instruction check = last(runtimeStage(), "HEALTHCHECK");
        assertThat(check).isNotNull();
        assertThat(check.arguments())
                .doesNotContain("/dev/tcp")
                .doesNotContain("curl")
                .doesNotContain("wget");
        Matcher command = Pattern.compile("CMD (\\[.*])$").matcher(check.arguments());
        assertThat(command.find()).as("exec-form CMD").isTrue();
        List<String> probe = texts(JSON.readTree(command.group(1)));
        assertThat(probe).startsWith("java").endsWith("-cp", "/app/user-api.jar", HealthProbe.class.getName());
        // V6 locks and copies for about 2.5 min at 1M users (README "What the migrations do"): at least 3 min.
        assertThat(seconds(option(check.arguments(), "start-period"))).isGreaterThanOrEqualTo(180);
        assertThat(seconds(option(check.arguments(), "timeout"))).isGreaterThan(3); // the probe's own timeout
        // ECS ignores the image's check: the task definition runs the same command.
        String taskDefinition = Files.readString(INFRA.resolve("terraform/service.tf"));
        assertThat(taskDefinition).contains(String.join("\", \"", probe));
    }

    @Test
    void healthProbeIsALivenessCheckHealthyOnlyWhenGetPingAnswers200() throws IOException {
        int[] status = {200};
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            String port = Integer.toString(server.getAddress().getPort());
            assertThat(HealthProbe.healthy(port)).isTrue();
            status[0] = 503;
            assertThat(HealthProbe.healthy(port)).isFalse();
            assertThat(asked).containsOnly("GET /ping");
        } finally {
            server.stop(0);
        }
        try (var closed = new java.net.ServerSocket(0)) {
            assertThat(HealthProbe.healthy(Integer.toString(closed.getLocalPort() + 0)))
                    .isFalse();
        }
    }

    // --- jvm.options ---

    @Test
    void jvmOptionsFitA512MibTaskAndTheJvmAcceptsThem() throws Exception {
        List<String> options = Files.readAllLines(INFRA.resolve("jvm.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        long heap = mebibytes(value(options, "-Xmx"));
        long metaspace = mebibytes(value(options, "-XX:MaxMetaspaceSize="));
        long codeCache = mebibytes(value(options, "-XX:ReservedCodeCacheSize="));
        long direct = mebibytes(value(options, "-XX:MaxDirectMemorySize="));
        long stacks = 60 * mebibytesFromKib(value(options, "-Xss")) / 1024;
        // Leaves ~100 MiB of the task for JVM internals and the health check's own JVM (about 40 MiB).
        assertThat(heap + metaspace + codeCache + direct + stacks)
                .as("MiB before JVM internals")
                .isLessThanOrEqualTo(412);
        // JDK 25 runs a full collection to unload code after each SweeperThreshold % of the code cache is compiled
        // (default 15 %): it must exceed the ~13 MiB the hot paths compile in their first seconds of load.
        double unloadAfter = codeCache * Double.parseDouble(value(options, "-XX:SweeperThreshold=")) / 100;
        assertThat(unloadAfter)
                .as("MiB compiled before a code-unloading collection")
                .isGreaterThanOrEqualTo(16);
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(options).anyMatch(option -> option.matches("-XX:\\+Use\\w+GC"));

        assertJvmAcceptsTheOptions(Path.of(System.getProperty("java.home")));

        String readme = Files.readString(REPO.resolve("README.md")) + Files.readString(INFRA.resolve("README.md"));
        assertThat(readme).contains("java @infrastructure/jvm.options -jar bootstrap/target/user-api.jar");
    }

    /**
     * The image runs them on JDK 25, ./user-api and the tests on whatever JDK they find: both JDKs whatever JDK runs
     * the tests, where installed.
     */
    @ParameterizedTest
    @MethodSource("supportedJdks")
    void jvmOptionsAreValidOnJdk25AndJdk17(Path javaHome) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(javaHome.resolve("bin/java")),
                "no JDK at " + javaHome + ": jvm.options checked on the test's JDK only");
        assertJvmAcceptsTheOptions(javaHome);
    }

    static List<Path> supportedJdks() {
        return List.of(JDK_25, JDK_17);
    }

    private static void assertJvmAcceptsTheOptions(Path javaHome) throws Exception {
        Process java = new ProcessBuilder(
                        javaHome.resolve("bin/java").toString(), "@" + INFRA.resolve("jvm.options"), "-version")
                .redirectErrorStream(true)
                .start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output)
                .as("no warning about an option")
                .doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("deprecated")
                .doesNotContainIgnoringCase("obsolete");
    }

    // --- compose.yaml ---

    @Test
    void composeWaitsForAHealthyPostgresOnAPortThatLeavesALocalOneAlone() throws IOException {
        JsonNode services = compose().get("services");
        JsonNode db = services.get("db");
        assertThat(texts(db.get("healthcheck").get("test"))).contains("pg_isready");
        for (JsonNode port : db.path("ports")) {
            assertThat(port.asText()).doesNotMatch("(.*:)?5432:5432").doesNotMatch("5432");
        }
        JsonNode api = services.get("user-api");
        assertThat(api.get("depends_on").get("db").get("condition").asText()).isEqualTo("service_healthy");
        assertThat(api.get("environment").get("DATABASE_URL").asText()).contains("@db:5432/");
        assertThat(api.get("build").get("dockerfile").asText()).isEqualTo("infrastructure/Dockerfile");
        assertThat(INFRA.resolve(api.get("build").get("context").asText()).normalize())
                .isEqualTo(REPO);
    }

    @Test
    void composeNeedsNothingOutsideTheRepository() throws IOException {
        String text = Files.readString(INFRA.resolve("compose.yaml"));
        assertThat(text)
                .doesNotContain("host.docker.internal")
                .doesNotContain("../../")
                .doesNotContain("shared/");
        for (JsonNode service : iterable(compose().get("services"))) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    Path path = INFRA.resolve(source).normalize();
                    assertThat(path).startsWith(REPO).exists();
                }
            }
        }
    }

    @Test
    void composeSignInAcceptsATokenMintedWithTheCommittedDevKey() throws Exception {
        JsonNode services = compose().get("services");
        JsonNode api = services.get("user-api");
        assertThat(api.get("depends_on").get("jwks").get("condition").asText()).isEqualTo("service_healthy");
        Map<String, String> environment = new HashMap<>();
        api.get("environment")
                .fields()
                .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        assertThat(URI.create(environment.get("COGNITO_JWKS_URL")).getHost()).isIn(names(services));

        // The jwks service serves local/jwks.json: serve that file's keys here and verify as the service would.
        JWKSet served = JWKSet.load(INFRA.resolve("local/jwks.json").toFile());
        assertThat(served.getKeys())
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        try (JwksServer jwks = JwksServer.start(served.getKeys().toArray(new com.nimbusds.jose.jwk.JWK[0]))) {
            environment.put("COGNITO_JWKS_URL", jwks.url().toString());
            CognitoSettings cognito = CognitoEnvironment.read(new Environment(environment));
            try (CognitoTokenVerifier verifier = new CognitoTokenVerifier(cognito)) {
                String token = LocalSigningKey.loadOrCreate(INFRA.resolve("local"))
                        .mintToken("alice", "alice@example.com", Duration.ofMinutes(5));
                assertThat(verifier.verify(token).username()).isEqualTo("alice");
            }
        }
        assertThat(served.getKeys().get(0)).isInstanceOf(RSAKey.class);
    }

    // --- helpers ---

    private record Instruction(String keyword, String arguments) {}

    /** Dockerfile instructions by stage: comments dropped, continuation lines joined. */
    private static List<List<Instruction>> stages() throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : Files.readAllLines(INFRA.resolve("Dockerfile"))) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String whole = (pending + line).strip().replaceAll("\\s+", " ");
            pending.setLength(0);
            int space = whole.indexOf(' ');
            Instruction instruction = new Instruction(
                    whole.substring(0, space).toUpperCase(),
                    whole.substring(space + 1).strip());
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static List<Instruction> runtimeStage() throws IOException {
        List<List<Instruction>> stages = stages();
        return stages.get(stages.size() - 1);
    }

    private static Instruction last(List<Instruction> stage, String keyword) {
        Instruction found = null;
        for (Instruction instruction : stage) {
            if (instruction.keyword().equals(keyword)) {
                found = instruction;
            }
        }
        return found;
    }

    private static int indexOf(List<Instruction> stage, String instruction) {
        for (int i = 0; i < stage.size(); i++) {
            if ((stage.get(i).keyword() + " " + stage.get(i).arguments()).equals(instruction)) {
                return i;
            }
        }
        return -1;
    }

    private static String option(String arguments, String name) {
        Matcher matcher = Pattern.compile("--" + name + "=(\\S+)").matcher(arguments);
        assertThat(matcher.find()).as("--" + name).isTrue();
        return matcher.group(1);
    }

    private static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?").matcher(duration);
        assertThat(matcher.matches()).as(duration).isTrue();
        return (matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1)) * 60)
                + (matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2)));
    }

    private static String value(List<String> options, String prefix) {
        return options.stream()
                .filter(option -> option.startsWith(prefix))
                .map(option -> option.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("jvm.options lacks " + prefix));
    }

    private static long mebibytes(String size) {
        return size.endsWith("g")
                ? Long.parseLong(size.replace("g", "")) * 1024
                : Long.parseLong(size.replace("m", ""));
    }

    private static long mebibytesFromKib(String size) {
        return size.endsWith("m")
                ? Long.parseLong(size.replace("m", "")) * 1024
                : Long.parseLong(size.replace("k", ""));
    }

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(INFRA.resolve("compose.yaml").toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> names(JsonNode services) {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
