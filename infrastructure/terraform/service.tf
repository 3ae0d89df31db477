# The ECS service on Fargate: at least two tasks in the private subnets of both availability zones, behind the
# load balancer. Settings are plain environment values; the database credentials come only from Secrets Manager
# through the task definition's `secrets`. Migrations do not run at start (DATABASE_MIGRATE=false): rollout.sh
# runs this task definition once with the command `migrate` before it rolls the service (README.md).

locals {
  container_name = "user-api"
  container_port = 8000
  cognito_region = var.cognito_region != "" ? var.cognito_region : var.region

  # Plain settings: nothing secret here (tests/service.tftest.hcl checks that).
  environment = {
    PORT                      = tostring(local.container_port)
    LOG_FORMAT                = "json"
    LOG_LEVEL                 = var.log_level
    DATABASE_MIGRATE          = "false"
    RDS_HOST                  = aws_db_proxy.main.endpoint
    RDS_PORT                  = "5432"
    RDS_DB_NAME               = var.db_name
    DATABASE_SSL              = "require"
    DATABASE_POOL_SIZE        = tostring(var.db_pool_size)
    COGNITO_REGION            = local.cognito_region
    COGNITO_POOL_ID           = var.cognito_pool_id
    COGNITO_APP_CLIENT_IDS    = join(",", var.cognito_app_client_ids)
    CORS_ALLOWED_ORIGINS      = join(",", var.cors_allowed_origins)
    PROFILE_IMAGE_BUCKET_NAME = aws_s3_bucket.profile_images.bucket
    AWS_REGION_NAME           = var.region
  }

  # name -> "secret ARN:JSON key::" as ECS reads it from the RDS-managed secret {"username": ..., "password": ...}.
  secrets = {
    RDS_USERNAME = "${local.db_secret_arn}:username::"
    RDS_PASSWORD = "${local.db_secret_arn}:password::"
  }

  container = {
    name      = local.container_name
    image     = "${aws_ecr_repository.service.repository_url}:${var.image_tag}"
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
    # The same check as the image's HEALTHCHECK (ECS ignores the image's own).
    healthCheck = {
      command     = ["CMD", "java", "-Xmx8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", "/app/user-api.jar", "com.pagenow.userapi.bootstrap.HealthProbe"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.service.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "service"
        mode                  = "non-blocking"
        max-buffer-size       = "4m"
      }
    }
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

# --- IAM -------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Used by ECS itself: pull the image, write logs, read the two secrets into the container.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [local.db_secret_arn]
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-database-secret"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

# Used by the service's code: profile images in its own bucket, nothing else.
resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "task_images" {
  statement {
    sid       = "ProfileImageObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.profile_images.arn}/*"]
  }
}

resource "aws_iam_role_policy" "task_images" {
  name   = "profile-images"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task_images.json
}
