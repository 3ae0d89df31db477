package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infrastructure/rollout.sh against fake {@code aws}, {@code docker} and {@code git} commands that record their
 * arguments and answer as AWS would: the order of the steps, the migration as a one-off task of the new revision
 * before the service moves, and a failed migration or a circuit-breaker rollback stopping the rollout.
 */
class RolloutScriptIT {

    private static final Path SCRIPT = Path.of("..", "infrastructure", "rollout.sh").toAbsolutePath().normalize();
    private static final String NEW_ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:8";

    @TempDir
    Path dir;

    @BeforeEach
    void fakeCommands() throws IOException {
        Assumptions.assumeTrue(onPath("bash") && onPath("jq"), "rollout.sh needs bash and jq: skipped");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("git"), """
                echo "git $*" >> "$CALLS"
                case "$1" in rev-parse) echo 0123456789ab ;; status) ;; esac
                """);
        script(bin.resolve("docker"), """
                echo "docker $*" >> "$CALLS"
                [ "$1" = login ] && cat > /dev/null
                exit 0
                """);
        script(bin.resolve("aws"), """
                echo "aws $*" >> "$CALLS"
                case "$1 $2" in
                  "ecr get-login-password") echo token ;;
                  "ecs describe-task-definition") cat "$FAKE/task-definition.json" ;;
                  "ecs register-task-definition")
                    for arg in "$@"; do case "$arg" in file://*) cp "${arg#file://}" "$FAKE/registered.json" ;; esac; done
                    echo "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:8" ;;
                  "ecs run-task") echo "arn:aws:ecs:us-west-2:123456789012:task/user-api/migr1" ;;
                  "ecs wait") ;;
                  "ecs describe-tasks") printf '%s\\tEssential container in task exited\\n' "$FAKE_MIGRATION_EXIT" ;;
                  "ecs update-service") echo user-api ;;
                  "ecs describe-services") printf '%s\\tCOMPLETED\\n' "$FAKE_PRIMARY" ;;
                  *) echo "unexpected aws call: $*" >&2; exit 3 ;;
                esac
                """);
        Files.writeString(dir.resolve("task-definition.json"), """
                {"taskDefinitionArn": "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7",
                 "family": "user-api", "revision": 7, "status": "ACTIVE", "networkMode": "awsvpc",
                 "executionRoleArn": "arn:aws:iam::123456789012:role/user-api-execution",
                 "taskRoleArn": "arn:aws:iam::123456789012:role/user-api-task",
                 "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "user-api",
                   "image": "123456789012.dkr.ecr.us-west-2.amazonaws.com/user-api:old",
                   "secrets": [{"name": "RDS_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-west-2:1:secret:db:password::"}]}],
                 "registeredAt": "2026-12-01T00:00:00Z", "registeredBy": "someone"}
                """);
    }

    @Test
    void rolloutBuildsAndPushesThenMigratesWithTheNewRevisionThenMovesTheServiceAndWaits() throws Exception {
        Result run = rollout(Map.of("FAKE_MIGRATION_EXIT", "0", "FAKE_PRIMARY", NEW_ARN));

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> calls = run.calls();
        assertThat(calls).map(RolloutScriptIT::verb).containsSubsequence(
                "aws ecr get-login-password", "docker build", "docker push",
                "aws ecs describe-task-definition", "aws ecs register-task-definition", "aws ecs run-task",
                "aws ecs wait", "aws ecs describe-tasks", "aws ecs update-service", "aws ecs wait",
                "aws ecs describe-services");
        // `aws ecr get-login-password | docker login`: the two start together
        assertThat(call(calls, "docker login")).contains("--password-stdin 123456789012.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(calls.indexOf(call(calls, "docker login"))).isLessThan(calls.indexOf(call(calls, "docker build")));
        String image = "123456789012.dkr.ecr.us-west-2.amazonaws.com/user-api:0123456789ab";
        assertThat(call(calls, "docker build")).contains("-f infrastructure/Dockerfile", "-t " + image);
        assertThat(call(calls, "aws ecs run-task")).contains("--task-definition " + NEW_ARN, "--launch-type FARGATE",
                "\"command\":[\"migrate\"]", "{\"name\":\"RDS_HOST\",\"value\":\"writer.example.internal\"}",
                "subnets=[subnet-a,subnet-b]", "securityGroups=[sg-service]", "assignPublicIp=DISABLED");
        assertThat(call(calls, "aws ecs update-service")).contains("--task-definition " + NEW_ARN);
        assertThat(calls).anySatisfy(call -> assertThat(call).startsWith("aws ecs wait services-stable"));

        String registered = Files.readString(dir.resolve("registered.json"));
        assertThat(registered).contains("\"image\": \"" + image + "\"").contains("RDS_PASSWORD")
                .doesNotContain("taskDefinitionArn").doesNotContain("registeredAt").doesNotContain("\"revision\"");
    }

    @Test
    void aFailedMigrationStopsBeforeTheServiceIsTouched() throws Exception {
        Result run = rollout(Map.of("FAKE_MIGRATION_EXIT", "1", "FAKE_PRIMARY", NEW_ARN));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("migration task").contains("exited 1").contains("the service is untouched");
        assertThat(run.calls()).noneSatisfy(call -> assertThat(call).startsWith("aws ecs update-service"));
    }

    @Test
    void aDeploymentTheCircuitBreakerRolledBackFailsTheRollout() throws Exception {
        Result run = rollout(Map.of("FAKE_MIGRATION_EXIT", "0",
                "FAKE_PRIMARY", "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("circuit breaker rolled user-api back to")
                .contains("task-definition/user-api:7");
    }

    @Test
    void rollbackMovesTheServiceToAnEarlierRevisionWithoutMigrating() throws Exception {
        Result run = rollout(Map.of("FAKE_PRIMARY", "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7"),
                "--rollback", "7");

        // describe-task-definition answers with revision 7's ARN from the fixture
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls()).map(RolloutScriptIT::verb).containsExactly("aws ecs describe-task-definition",
                "aws ecs update-service", "aws ecs wait", "aws ecs describe-services");
    }

    // --- helpers ---

    private record Result(int exitCode, String output, List<String> calls) {
    }

    private Result rollout(Map<String, String> fake, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("CALLS", dir.resolve("calls.log").toString());
        env.put("FAKE", dir.toString());
        env.put("AWS_REGION", "us-west-2");
        env.put("USER_API_CLUSTER", "user-api");
        env.put("USER_API_SERVICE", "user-api");
        env.put("USER_API_TASK_FAMILY", "user-api");
        env.put("USER_API_CONTAINER", "user-api");
        env.put("USER_API_ECR_REPOSITORY", "123456789012.dkr.ecr.us-west-2.amazonaws.com/user-api");
        env.put("USER_API_SUBNETS", "subnet-a,subnet-b");
        env.put("USER_API_SECURITY_GROUP", "sg-service");
        env.put("USER_API_DB_WRITER", "writer.example.internal");
        if (Arrays.asList(arguments).contains("--rollback")) {
            Files.writeString(dir.resolve("task-definition.json"),
                    "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7\n");
        }
        env.putAll(fake);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path calls = dir.resolve("calls.log");
        return new Result(process.exitValue(), output, Files.exists(calls) ? Files.readAllLines(calls) : List.of());
    }

    /** "aws ecs run-task", "aws ecs wait" (any waiter), "docker build", "git status". */
    private static String verb(String call) {
        String[] words = call.split(" ");
        if (!words[0].equals("aws") || words.length < 3) {
            return words.length < 2 ? call : words[0] + " " + words[1];
        }
        return words[0] + " " + words[1] + " " + words[2];
    }

    private static String call(List<String> calls, String prefix) {
        return calls.stream().filter(call -> call.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + prefix + " in " + calls));
    }

    private static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
