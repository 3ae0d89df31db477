#!/usr/bin/env bash
# Rolls the ECS service onto a new image, the way the old service's update-ecs.py did, with the AWS CLI:
#   1. build the image from this checkout for linux/amd64 (the task's platform, also from an ARM laptop) and push
#      it to ECR, tagged with the git commit; when that tag is already there (ECR's tags are immutable: a second
#      run for the same commit), use it as it is;
#   2. register task definition revisions with that image, of the service's family and of the migration task's
#      (each from its family's newest revision, so settings Terraform wrote are kept);
#   3. run the migrations as a one-off Fargate task of the migration revision (command `migrate`, as the schema
#      owner, straight to the writer, not through RDS Proxy) and wait for its exit code: anything but 0 stops
#      here, the service untouched;
#   4. move the service to the new revision and wait until it is stable; fail if the deployment circuit breaker
#      rolled it back.
# Every wait ends: the CLI's waiters give up after 10 minutes; the migration's is repeated while the task runs,
# at most USER_API_MIGRATION_WAIT_ROUNDS times (default 6, an hour), and any other waiter failure stops at once.
#
# usage: infrastructure/rollout.sh                 build, push, migrate, roll out the current commit
#        infrastructure/rollout.sh --tag TAG       the same for an image tag already in ECR (no build)
#        infrastructure/rollout.sh --rollback REV  move the service back to task definition revision REV (no migration)
#        infrastructure/rollout.sh --restart       start fresh tasks of the current revision (e.g. after a password rotation)
#
# Settings come from `terraform output` in infrastructure/terraform (or TF_DIR); each can be given instead as an
# environment variable: AWS_REGION, USER_API_CLUSTER, USER_API_SERVICE, USER_API_TASK_FAMILY,
# USER_API_MIGRATE_TASK_FAMILY, USER_API_CONTAINER, USER_API_ECR_REPOSITORY, USER_API_SUBNETS (comma list),
# USER_API_SECURITY_GROUP.
# Needs: aws (v1 or v2), docker (for a build), jq, git.
set -euo pipefail

cd "$(dirname "$0")/.."
TF_DIR=${TF_DIR:-infrastructure/terraform}

say() { echo "rollout: $*" >&2; }
die() { say "$*"; exit 1; }

tf_out() {
  command -v terraform >/dev/null || die "terraform not found: set $2 (see the usage at the top of $0)"
  terraform -chdir="$TF_DIR" output -raw "$1"
}

setting() { # setting VAR terraform_output
  local value=${!1:-}
  if [[ -z "$value" ]]; then
    value=$(tf_out "$2" "$1") || die "cannot read terraform output $2: set $1"
  fi
  printf '%s' "$value"
}

mode=rollout
tag=
case "${1:-}" in
  "") ;;
  --tag) tag=${2:?--tag needs an image tag}; mode=existing ;;
  --rollback) mode=rollback; revision=${2:?--rollback needs a task definition revision number} ;;
  --restart) mode=restart ;;
  -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

for tool in aws jq; do
  command -v "$tool" >/dev/null || die "$tool not found on PATH"
done

region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
[[ -n "$region" ]] || die "no region: set AWS_REGION"
export AWS_REGION=$region AWS_DEFAULT_REGION=$region
cluster=$(setting USER_API_CLUSTER cluster_name)
service=$(setting USER_API_SERVICE service_name)
family=$(setting USER_API_TASK_FAMILY task_family)

wait_stable() { # wait_stable EXPECTED_TASK_DEFINITION_ARN
  say "waiting for $service to be stable ..."
  aws ecs wait services-stable --cluster "$cluster" --services "$service" \
    || die "$service did not become stable (see: aws ecs describe-services --cluster $cluster --services $service)"
  local primary
  primary=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].deployments[?status==`PRIMARY`] | [0].[taskDefinition,rolloutState]' --output text)
  read -r running state <<<"$primary"
  [[ "$running" == "$1" ]] \
    || die "the deployment circuit breaker rolled $service back to $running (new tasks failed to start or stay healthy)"
  [[ "$state" == "COMPLETED" ]] || die "deployment of $1 ended in state $state"
  say "$service runs $1"
}

update_service() { # update_service TASK_DEFINITION_ARN [extra args]
  local target=$1
  shift
  aws ecs update-service --cluster "$cluster" --service "$service" --task-definition "$target" "$@" \
    --query 'service.serviceName' --output text >/dev/null
}

case "$mode" in
  rollback)
    target=$(aws ecs describe-task-definition --task-definition "$family:$revision" \
      --query 'taskDefinition.taskDefinitionArn' --output text)
    say "rolling $service back to $target (no migration: the schema only ever grows)"
    update_service "$target"
    wait_stable "$target"
    exit 0
    ;;
  restart)
    current=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
      --query 'services[0].taskDefinition' --output text)
    say "starting fresh tasks of $current"
    update_service "$current" --force-new-deployment
    wait_stable "$current"
    exit 0
    ;;
esac

container=$(setting USER_API_CONTAINER container_name)
migrate_family=$(setting USER_API_MIGRATE_TASK_FAMILY migrate_task_family)
repository=$(setting USER_API_ECR_REPOSITORY ecr_repository_url)
subnets=${USER_API_SUBNETS:-$(terraform -chdir="$TF_DIR" output -json private_subnet_ids | jq -r 'join(",")')}
security_group=$(setting USER_API_SECURITY_GROUP service_security_group_id)
wait_rounds=${USER_API_MIGRATION_WAIT_ROUNDS:-6}
[[ "$wait_rounds" =~ ^[1-9][0-9]*$ ]] || die "USER_API_MIGRATION_WAIT_ROUNDS must be a positive number"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

image_in_ecr() { # image_in_ecr TAG: 0 if there, 1 if not, dies on any other answer
  if aws ecr describe-images --repository-name "${repository#*/}" --image-ids imageTag="$1" \
      --query 'imageDetails[0].imageDigest' --output text >/dev/null 2>"$work/describe-images.err"; then
    return 0
  fi
  grep -q ImageNotFoundException "$work/describe-images.err" && return 1
  die "cannot look up $repository:$1 in ECR: $(cat "$work/describe-images.err")"
}

# 1. image
if [[ "$mode" == rollout ]]; then
  tag=$(git rev-parse --short=12 HEAD)
  [[ -z "$(git status --porcelain)" ]] || die "uncommitted changes: commit them first, the image is tagged $tag"
  image="$repository:$tag"
  if image_in_ecr "$tag"; then
    say "$image is already in the repository (tags are immutable): using it, no build"
  else
    command -v docker >/dev/null || die "docker not found on PATH"
    say "building $image (linux/amd64, the task's platform)"
    aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "${repository%%/*}"
    docker build --platform linux/amd64 -f infrastructure/Dockerfile -t "$image" .
    docker push "$image"
  fi
else
  image="$repository:$tag"
  image_in_ecr "$tag" || die "no image $image in ECR"
fi

# 2. task definition revisions with the new image: the service's and the migration task's
register() { # register FAMILY: prints the new revision's ARN
  aws ecs describe-task-definition --task-definition "$1" --query taskDefinition --output json \
    | jq --arg image "$image" --arg name "$container" '
        .containerDefinitions |= map(if .name == $name then .image = $image else . end)
        | {family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes, placementConstraints,
           requiresCompatibilities, cpu, memory, runtimePlatform}
        | with_entries(select(.value != null))' >"$work/$1.json"
  grep -q "\"$image\"" "$work/$1.json" || die "container $container not found in task definition $1"
  aws ecs register-task-definition --cli-input-json "file://$work/$1.json" \
    --query 'taskDefinition.taskDefinitionArn' --output text
}
new=$(register "$family")
say "registered $new"
new_migrate=$(register "$migrate_family")
say "registered $new_migrate"

# 3. migrations, as a one-off task of the migration revision (its own settings: the writer, the schema owner)
migration=$(aws ecs run-task --cluster "$cluster" --task-definition "$new_migrate" --launch-type FARGATE --count 1 \
  --started-by "rollout-$tag" \
  --network-configuration "awsvpcConfiguration={subnets=[$subnets],securityGroups=[$security_group],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)
[[ -n "$migration" && "$migration" != None ]] || die "the migration task did not start"
say "migrating with task $migration ..."
# The CLI's waiter gives up after 10 minutes; long migrations (README, "What the migrations lock") take longer, so
# a timeout is waited out again, up to wait_rounds times. Any other failure of the waiter ends the rollout.
round=1
until aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$migration" 2>"$work/wait.err"; do
  grep -q "Max attempts exceeded" "$work/wait.err" \
    || die "waiting for migration task $migration failed: $(cat "$work/wait.err"); the service is untouched"
  ((round < wait_rounds)) \
    || die "migration task $migration is still running after $wait_rounds waits; the service is untouched. Follow it: aws ecs describe-tasks --cluster $cluster --tasks $migration"
  round=$((round + 1))
  say "still migrating ..."
done
read -r exit_code reason <<<"$(aws ecs describe-tasks --cluster "$cluster" --tasks "$migration" \
  --query "[tasks[0].containers[?name=='$container'] | [0].exitCode, tasks[0].stoppedReason]" --output text)"
if [[ "$exit_code" != 0 ]]; then
  die "migration task $migration exited ${exit_code:-without a code} ($reason); the service is untouched. Logs: aws logs tail /ecs/$service --since 1h"
fi
say "migrations applied"

# 4. roll out
update_service "$new"
wait_stable "$new"
