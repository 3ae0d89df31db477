# The ECS service on Fargate: at least two tasks in the private subnets of both availability zones, behind the
# load balancer. Settings are plain environment values; the database credentials come only from Secrets Manager
# through the task definition's `secrets`: the service's own user (database.tf). Migrations do not run at start
# (DATABASE_MIGRATE=false): rollout.sh runs the migration task definition (below: same image, the schema owner's
# secret, straight to the writer) once before it rolls the service (README.md).

locals {
  container_name = "user-api"
  container_port = 8000
  cognito_region = var.cognito_region != "" ? var.cognito_region : var.region
  image          = "${aws_ecr_repository.service.repository_url}:${var.image_tag}"

  # Plain settings: nothing secret here (tests/deployment.tftest.hcl checks that).
  environment = {
    PORT             = tostring(local.container_port)
    LOG_FORMAT       = "json"
    LOG_LEVEL        = var.log_level
    DATABASE_MIGRATE = "false"
    # The pool through RDS Proxy; LISTEN (live events) straight to the writer, which the proxy would pin. The
    # direct URL carries no credentials: the service logs in there with the same user (RDS_USERNAME/PASSWORD).
    RDS_HOST               = aws_db_proxy.main.endpoint
    RDS_PORT               = "5432"
    RDS_DB_NAME            = var.db_name
    DATABASE_DIRECT_URL    = "postgresql://${aws_rds_cluster.main.endpoint}:5432/${var.db_name}"
    DATABASE_SSL           = "require"
    DATABASE_POOL_SIZE     = tostring(var.db_pool_size)
    HTTP_IDLE_TIMEOUT      = tostring(var.service_idle_timeout_seconds)
    EVENTS_MAX_STREAMS     = tostring(var.events_max_streams)
    MALLOC_ARENA_MAX       = "2"
    COGNITO_REGION         = local.cognito_region
    COGNITO_POOL_ID        = var.cognito_pool_id
    COGNITO_APP_CLIENT_IDS = join(",", var.cognito_app_client_ids)
    # A deleted account's Cognito user is deleted too (task role: AdminDeleteUser on this pool only).
    COGNITO_DELETE_USERS      = "true"
    CORS_ALLOWED_ORIGINS      = join(",", var.cors_allowed_origins)
    PROFILE_IMAGE_BUCKET_NAME = aws_s3_bucket.profile_images.bucket
    AWS_REGION_NAME           = var.region
  }

  # name -> "secret ARN:JSON key::" as ECS reads it from a secret {"username": ..., "password": ...}.
  secrets = {
    RDS_USERNAME = "${aws_secretsmanager_secret.app_db.arn}:username::"
    RDS_PASSWORD = "${aws_secretsmanager_secret.app_db.arn}:password::"
  }

  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = aws_cloudwatch_log_group.service.name
      awslogs-region        = var.region
      awslogs-stream-prefix = "service"
      mode                  = "non-blocking"
      max-buffer-size       = "4m"
    }
  }

  container = {
    name      = local.container_name
    image     = local.image
    essential = true
    portMappings = [{
      containerPort = local.container_port
      protocol      = "tcp"
    }]
    environment = [for name in sort(keys(local.environment)) : { name = name, value = local.environment[name] }]
    secrets     = [for name in sort(keys(local.secrets)) : { name = name, valueFrom = local.secrets[name] }]
    # SIGTERM, then the service drains for up to 25 s; ECS waits this long before SIGKILL.
    stopTimeout            = var.stop_timeout_seconds
    readonlyRootFilesystem = true
    mountPoints = [{
      sourceVolume  = "tmp"
      containerPath = "/tmp"
      readOnly      = false
    }]
    # Liveness: HealthProbe asks GET /ping, which never touches the database, so a failover or a rotation makes
    # requests answer 503 for a while but does not get the task replaced. (ECS ignores the image's HEALTHCHECK.)
    healthCheck = {
      command     = ["CMD", "java", "-Xmx8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", "/app/user-api.jar", "com.pagenow.userapi.bootstrap.HealthProbe"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    logConfiguration = local.log_configuration
  }

  # The one-off migration task: the same image, the `migrate` command, logged in as the schema owner (the master
  # user) straight to the writer. Only its own execution role may read the master secret.
  migrate_container = {
    name                   = local.container_name
    image                  = local.image
    essential              = true
    command                = ["migrate"]
    readonlyRootFilesystem = true
    mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    environment = [for name, value in {
      LOG_FORMAT          = "json"
      LOG_LEVEL           = var.log_level
      RDS_HOST            = aws_rds_cluster.main.endpoint
      RDS_PORT            = "5432"
      RDS_DB_NAME         = var.db_name
      DATABASE_DIRECT_URL = "postgresql://${aws_rds_cluster.main.endpoint}:5432/${var.db_name}"
      DATABASE_SSL        = "require"
      MALLOC_ARENA_MAX    = "2"
    } : { name = name, value = value }]
    secrets = [
      { name = "RDS_PASSWORD", valueFrom = "${local.db_master_secret_arn}:password::" },
      { name = "RDS_USERNAME", valueFrom = "${local.db_master_secret_arn}:username::" },
    ]
    logConfiguration = merge(local.log_configuration, {
      options = merge(local.log_configuration.options, { awslogs-stream-prefix = "migrate" })
    })
  }
}

resource "aws_ecs_cluster" "main" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "service" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container])

  volume {
    name = "tmp"
  }

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_task_definition" "migrate" {
  family                   = "${var.name}-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.migrate_execution.arn
  container_definitions    = jsonencode([local.migrate_container])

  volume {
    name = "tmp"
  }

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "service" {
  name                               = var.name
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.service.arn
  desired_count                      = max(var.desired_count, var.min_tasks)
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  health_check_grace_period_seconds  = var.health_check_grace_seconds
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = false
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.service.arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # rollout.sh moves the service to new task definition revisions and auto scaling moves the count: a later
  # `terraform apply` must not undo either.
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_lb_listener.http]
}

# --- IAM: every policy is JSON built here, as AWS receives it (the tests read it back) ---------------------------

locals {
  ecs_tasks_assume = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
  user_pool_arn = "arn:${data.aws_partition.current.partition}:cognito-idp:${local.cognito_region}:${data.aws_caller_identity.current.account_id}:userpool/${var.cognito_pool_id}"
}

# Used by ECS itself for the service: pull the image, write logs, read the service user's secret into the container.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secrets" {
  name = "read-app-database-secret"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [aws_secretsmanager_secret.app_db.arn] }]
  })
}

# Used by ECS for the migration task: the same, but the schema owner's (master) secret.
resource "aws_iam_role" "migrate_execution" {
  name               = "${var.name}-migrate-execution"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role_policy_attachment" "migrate_execution" {
  role       = aws_iam_role.migrate_execution.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "migrate_execution_secrets" {
  name = "read-master-database-secret"
  role = aws_iam_role.migrate_execution.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [local.db_master_secret_arn] }]
  })
}

# Used by the service's code: profile images in its own bucket, and deleting a leaving user from this user pool.
resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role_policy" "task" {
  name = "profile-images-and-account-deletion"
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ProfileImageObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${aws_s3_bucket.profile_images.arn}/*"]
      },
      {
        Sid      = "DeleteLeavingUsersOfThisPool"
        Effect   = "Allow"
        Action   = ["cognito-idp:AdminDeleteUser"]
        Resource = [local.user_pool_arn]
      },
    ]
  })
}
