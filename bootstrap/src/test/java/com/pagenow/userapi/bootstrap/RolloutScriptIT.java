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
 * before the service moves, a failed migration or a circuit-breaker rollback stopping the rollout, an image built
 * for the task's platform, a second run for the same commit despite ECR's immutable tags, and waits that end.
 */
class RolloutScriptIT {

    private static final Path SCRIPT =
            Path.of("..", "infrastructure", "rollout.sh").toAbsolutePath().normalize();
    private static final String NEW_ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:8";
    private static final String NEW_MIGRATE_ARN =
            "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api-migrate:8";

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
                if [ "$1" = push ] && [ "${FAKE_IMAGE_EXISTS:-0}" = 1 ]; then
                  echo "tag invalid: The image tag '0123456789ab' already exists in the 'user-api' repository and cannot be overwritten because the repository is immutable." >&2
                  exit 1
                fi
                exit 0
                """);
        script(bin.resolve("aws"), """
                echo "aws $*" >> "$CALLS"
                case "$1 $2" in
                  "ecr get-login-password") echo token ;;
                  "ecr describe-images")
                    if [ "${FAKE_IMAGE_EXISTS:-0}" = 1 ]; then echo sha256:abc; else
                      echo "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: The image with imageId {imageTag:'0123456789ab'} does not exist" >&2
                      exit 254
                    fi ;;
                  "ecs describe-task-definition")
                    previous=; for arg in "$@"; do [ "$previous" = --task-definition ] && family=${arg%%:*}; previous=$arg; done
                    case "$(head -c 1 "$FAKE/task-definition.json")" in
                      "{") jq --arg family "$family" '.family = $family' "$FAKE/task-definition.json" ;;
                      *) cat "$FAKE/task-definition.json" ;;
                    esac ;;
                  "ecs register-task-definition")
                    for arg in "$@"; do case "$arg" in file://*) file=${arg#file://} ;; esac; done
                    family=$(jq -r .family "$file")
                    cp "$file" "$FAKE/registered-$family.json"
                    echo "arn:aws:ecs:us-west-2:123456789012:task-definition/$family:8" ;;
                  "ecs run-task") echo "arn:aws:ecs:us-west-2:123456789012:task/user-api/migr1" ;;
                  "ecs wait")
                    if [ "$3" = tasks-stopped ] && [ -n "${FAKE_WAIT_ERROR:-}" ]; then
                      echo "$FAKE_WAIT_ERROR" >&2
                      exit 255
                    fi ;;
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
        assertThat(calls)
                .map(RolloutScriptIT::verb)
                .containsSubsequence(
                        "aws ecr get-login-password",
                        "docker build",
                        "docker push",
                        "aws ecs describe-task-definition",
                        "aws ecs register-task-definition",
                        "aws ecs run-task",
                        "aws ecs wait",
                        "aws ecs describe-tasks",
                        "aws ecs update-service",
                        "aws ecs wait",
                        "aws ecs describe-services");
        // `aws ecr get-login-password | docker login`: the two start together
        assertThat(call(calls, "docker login"))
                .contains("--password-stdin 123456789012.dkr.ecr.us-west-2.amazonaws.com");
        assertThat(calls.indexOf(call(calls, "docker login"))).isLessThan(calls.indexOf(call(calls, "docker build")));
        String image = "123456789012.dkr.ecr.us-west-2.amazonaws.com/user-api:0123456789ab";
        // the task runs on X86_64: an image built on an ARM laptop must still be amd64
        assertThat(call(calls, "docker build"))
                .contains("-f infrastructure/Dockerfile", "-t " + image, "--platform linux/amd64");
        // the migration runs as the migration family's new revision (schema owner, writer), not the service's
        assertThat(call(calls, "aws ecs run-task"))
                .contains(
                        "--task-definition " + NEW_MIGRATE_ARN,
                        "--launch-type FARGATE",
                        "subnets=[subnet-a,subnet-b]",
                        "securityGroups=[sg-service]",
                        "assignPublicIp=DISABLED");
        assertThat(call(calls, "aws ecs update-service")).contains("--task-definition " + NEW_ARN);
        assertThat(calls).anySatisfy(call -> assertThat(call).startsWith("aws ecs wait services-stable"));

        for (String family : List.of("user-api", "user-api-migrate")) {
            String registered = Files.readString(dir.resolve("registered-" + family + ".json"));
            assertThat(registered)
                    .contains("\"image\": \"" + image + "\"")
                    .contains("RDS_PASSWORD")
                    .contains("\"family\": \"" + family + "\"")
                    .doesNotContain("taskDefinitionArn")
                    .doesNotContain("registeredAt")
                    .doesNotContain("\"revision\"");
        }
    }

    @Test
    void aSecondRunForTheSameCommitReusesTheImageAlreadyInTheRepository() throws Exception {
        // ECR's tags are immutable: pushing 0123456789ab again is refused
        Result run = rollout(Map.of("FAKE_MIGRATION_EXIT", "0", "FAKE_PRIMARY", NEW_ARN, "FAKE_IMAGE_EXISTS", "1"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("already in the repository");
        assertThat(run.calls())
                .noneSatisfy(call -> assertThat(call).startsWith("docker push"))
                .noneSatisfy(call -> assertThat(call).startsWith("docker build"));
        assertThat(call(run.calls(), "aws ecs update-service")).contains("--task-definition " + NEW_ARN);
    }

    @Test
    void aWaiterFailingForAnotherReasonThanItsTimeoutStopsTheRolloutAtOnce() throws Exception {
        Result run = rollout(Map.of(
                "FAKE_MIGRATION_EXIT",
                "0",
                "FAKE_PRIMARY",
                NEW_ARN,
                "FAKE_WAIT_ERROR",
                "An error occurred (AccessDeniedException) when calling the DescribeTasks operation: not authorized"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("AccessDeniedException").contains("the service is untouched");
        assertThat(run.calls())
                .filteredOn(call -> call.startsWith("aws ecs wait tasks-stopped"))
                .hasSize(1);
        assertThat(run.calls()).noneSatisfy(call -> assertThat(call).startsWith("aws ecs update-service"));
    }

    @Test
    void aMigrationOutlastingEveryWaitStopsTheRolloutAfterTheBound() throws Exception {
        Result run = rollout(Map.of(
                "FAKE_MIGRATION_EXIT",
                "0",
                "FAKE_PRIMARY",
                NEW_ARN,
                "USER_API_MIGRATION_WAIT_ROUNDS",
                "3",
                "FAKE_WAIT_ERROR",
                "Waiter TasksStopped failed: Max attempts exceeded"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("still running after 3 waits").contains("the service is untouched");
        assertThat(run.calls())
                .filteredOn(call -> call.startsWith("aws ecs wait tasks-stopped"))
                .hasSize(3);
        assertThat(run.calls()).noneSatisfy(call -> assertThat(call).startsWith("aws ecs update-service"));
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
        Result run = rollout(Map.of(
                "FAKE_MIGRATION_EXIT",
                "0",
                "FAKE_PRIMARY",
                "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("circuit breaker rolled user-api back to")
                .contains("task-definition/user-api:7");
    }

    @Test
    void rollbackMovesTheServiceToAnEarlierRevisionWithoutMigrating() throws Exception {
        Result run = rollout(
                Map.of("FAKE_PRIMARY", "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7"),
                "--rollback",
                "7");

        // describe-task-definition answers with revision 7's ARN from the fixture
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls())
                .map(RolloutScriptIT::verb)
                .containsExactly(
                        "aws ecs describe-task-definition",
                        "aws ecs update-service",
                        "aws ecs wait",
                        "aws ecs describe-services");
    }

    // --- helpers ---

    private record Result(int exitCode, String output, List<String> calls) {}

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
        env.put("USER_API_MIGRATE_TASK_FAMILY", "user-api-migrate");
        if (Arrays.asList(arguments).contains("--rollback")) {
            Files.writeString(
                    dir.resolve("task-definition.json"),
                    "arn:aws:ecs:us-west-2:123456789012:task-definition/user-api:7\n");
        }
        env.putAll(fake);
        // output to a file, so that a script that never ends fails the test instead of hanging it
        Path log = dir.resolve("output.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("rollout.sh did not end within 30 s:%n%s", output).isTrue();
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
        return calls.stream()
                .filter(call -> call.startsWith(prefix))
                .findFirst()
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
