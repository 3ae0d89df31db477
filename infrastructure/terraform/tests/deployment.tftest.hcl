# `terraform test` (offline): plans the whole configuration against a mocked AWS provider and checks the rules of
# the deployment on the plan. Run from infrastructure/terraform after
#   terraform init -backend=false -plugin-dir=/opt/tf-plugins
# (bootstrap's TerraformIT does exactly that in CI).

mock_provider "aws" {
  override_during = plan

  mock_data "aws_availability_zones" {
    defaults = {
      names = ["us-west-2a", "us-west-2b", "us-west-2c"]
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_data "aws_ssm_parameter" {
    defaults = {
      value = "ami-0123456789abcdef0"
    }
  }

  mock_resource "aws_vpc" {
    defaults = {}
  }

  mock_resource "aws_subnet" {
    defaults = {}
  }

  mock_resource "aws_internet_gateway" {
    defaults = {}
  }

  mock_resource "aws_nat_gateway" {
    defaults = {}
  }

  mock_resource "aws_eip" {
    defaults = {}
  }

  mock_resource "aws_route_table" {
    defaults = {}
  }

  mock_resource "aws_security_group" {
    defaults = {}
  }

  mock_resource "aws_lb_listener" {
    defaults = {}
  }

  mock_resource "aws_apigatewayv2_vpc_link" {
    defaults = {}
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {}
  }

  mock_resource "aws_apigatewayv2_integration" {
    defaults = {}
  }

  mock_resource "aws_ecs_cluster" {
    defaults = {}
  }

  mock_resource "aws_ecs_service" {
    defaults = {}
  }

  mock_resource "aws_ecs_task_definition" {
    defaults = {}
  }

  mock_resource "aws_instance" {
    defaults = {}
  }

  mock_resource "aws_db_subnet_group" {
    defaults = {}
  }

  mock_resource "aws_vpc_security_group_ingress_rule" {
    defaults = {}
  }

  mock_resource "aws_rds_cluster" {
    defaults = {
      endpoint = "user-api.cluster-abc.us-west-2.rds.amazonaws.com"
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:us-west-2:123456789012:secret:rds!cluster-abc-123456"
        secret_status = "active"
        kms_key_id    = "alias/aws/secretsmanager"
      }]
    }
  }

  mock_resource "aws_db_proxy" {
    defaults = {
      endpoint = "user-api.proxy-abc.us-west-2.rds.amazonaws.com"
      arn      = "arn:aws:rds:us-west-2:123456789012:db-proxy:prx-abc"
    }
  }

  mock_resource "aws_ecr_repository" {
    defaults = {
      repository_url = "123456789012.dkr.ecr.us-west-2.amazonaws.com/user-api"
    }
  }

  mock_resource "aws_s3_bucket" {
    defaults = {
      bucket = "user-api-profile-images-20261201"
      arn    = "arn:aws:s3:::user-api-profile-images-20261201"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mocked"
    }
  }

  mock_resource "aws_sns_topic" {
    defaults = {
      arn = "arn:aws:sns:us-west-2:123456789012:user-api-alarms"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-west-2:123456789012:log-group:mocked"
    }
  }

  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/user-api/50dc6c495c0c9188"
      arn_suffix = "app/user-api/50dc6c495c0c9188"
    }
  }

  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/user-api/73e2d6bc24d8a067"
      arn_suffix = "targetgroup/user-api/73e2d6bc24d8a067"
    }
  }
}

variables {
  image_tag       = "0123abc"
  cognito_pool_id = "us-west-2_AbCdEf"
}

run "tasks_run_in_private_subnets_of_two_availability_zones" {
  command = plan

  assert {
    condition     = length(aws_subnet.private) == 2 && length(distinct(aws_subnet.private[*].availability_zone)) == 2
    error_message = "the private subnets must lie in two different availability zones"
  }

  assert {
    condition     = alltrue([for subnet in concat(aws_subnet.private, aws_subnet.public) : subnet.map_public_ip_on_launch == false])
    error_message = "no subnet may hand out public addresses"
  }

  assert {
    condition     = toset(aws_ecs_service.service.network_configuration[0].subnets) == toset(aws_subnet.private[*].id)
    error_message = "the tasks must run in the private subnets"
  }

  assert {
    condition     = aws_ecs_service.service.network_configuration[0].assign_public_ip == false
    error_message = "tasks must not get public addresses"
  }

  assert {
    condition     = alltrue([for table in aws_route_table.private : alltrue([for route in table.route : coalesce(route.gateway_id, "-") == "-" && coalesce(route.nat_gateway_id, "") != ""])])
    error_message = "private subnets must reach the internet only through NAT, never an internet gateway"
  }

  assert {
    condition     = aws_lb.main.internal == true && toset(aws_lb.main.subnets) == toset(aws_subnet.private[*].id)
    error_message = "the load balancer must be internal, in the private subnets (API Gateway reaches it over the VPC link)"
  }
}

run "service_has_at_least_two_tasks_a_circuit_breaker_and_a_stop_timeout_beyond_the_drain" {
  command = plan

  assert {
    condition     = aws_ecs_service.service.desired_count >= 2 && aws_appautoscaling_target.service.min_capacity >= 2
    error_message = "the service must run at least two tasks"
  }

  assert {
    condition     = aws_ecs_service.service.launch_type == "FARGATE" && aws_ecs_task_definition.service.requires_compatibilities == toset(["FARGATE"])
    error_message = "the service runs on Fargate"
  }

  assert {
    condition     = aws_ecs_service.service.deployment_circuit_breaker[0].enable && aws_ecs_service.service.deployment_circuit_breaker[0].rollback
    error_message = "a failed deployment must roll back by itself"
  }

  assert {
    condition     = aws_ecs_service.service.deployment_minimum_healthy_percent == 100
    error_message = "a rollout must keep every old task until new ones are healthy"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.service.container_definitions)[0].stopTimeout > 25
    error_message = "stopTimeout must be longer than the service's 25 s drain"
  }

  assert {
    condition     = aws_lb_target_group.service.deregistration_delay < jsondecode(aws_ecs_task_definition.service.container_definitions)[0].stopTimeout
    error_message = "the load balancer must finish draining a task before ECS kills it"
  }

  assert {
    condition     = aws_ecs_task_definition.service.memory == "512"
    error_message = "the task is sized for infrastructure/jvm.options (512 MiB)"
  }
}

run "secrets_reach_the_container_only_through_secrets" {
  command = plan

  assert {
    condition     = toset([for secret in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].secrets : secret.name]) == toset(["RDS_USERNAME", "RDS_PASSWORD"])
    error_message = "the database user and password must come from Secrets Manager through `secrets`"
  }

  assert {
    condition     = alltrue([for secret in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].secrets : startswith(secret.valueFrom, aws_rds_cluster.main.master_user_secret[0].secret_arn)])
    error_message = "the secrets must be read from the database's Secrets Manager secret"
  }

  assert {
    condition = length([for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name
    if can(regex("(?i)PASSWORD|SECRET|TOKEN|DATABASE_URL|_KEY$", variable.name))]) == 0
    error_message = "no password, secret, token, key or URL with credentials may be a plain environment value"
  }

  assert {
    condition     = alltrue([for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : !strcontains(variable.value, "secretsmanager")])
    error_message = "a secret's ARN belongs in `secrets`, not in `environment`"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment, { name = "DATABASE_MIGRATE", value = "false" })
    error_message = "the service must not migrate at start: the migration runs as its own task before a rollout"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment, { name = "LOG_FORMAT", value = "json" })
    error_message = "the service must log JSON lines for CloudWatch"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment, { name = "RDS_HOST", value = aws_db_proxy.main.endpoint })
    error_message = "the service must connect through RDS Proxy"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.service.container_definitions)[0].logConfiguration.options["awslogs-group"] == aws_cloudwatch_log_group.service.name
    error_message = "the container must log to the service's CloudWatch log group"
  }
}

run "database_is_not_reachable_from_the_internet" {
  command = plan

  assert {
    condition     = alltrue([for instance in aws_rds_cluster_instance.main : instance.publicly_accessible == false])
    error_message = "no database instance may be publicly accessible"
  }

  assert {
    condition     = toset(aws_db_subnet_group.main.subnet_ids) == toset(aws_subnet.private[*].id)
    error_message = "the database must live in the private subnets"
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.database)) == toset(["service", "proxy", "bastion"])
    error_message = "the database accepts connections from the service, RDS Proxy and the bastion only"
  }

  assert {
    condition = alltrue([for rule in aws_vpc_security_group_ingress_rule.database :
    rule.cidr_ipv4 == null && rule.cidr_ipv6 == null && rule.prefix_list_id == null && rule.from_port == 5432 && rule.to_port == 5432])
    error_message = "database ingress must name security groups on port 5432, never an address range"
  }

  assert {
    condition     = toset(values(aws_vpc_security_group_ingress_rule.database)[*].referenced_security_group_id) == toset([aws_security_group.service.id, aws_security_group.proxy.id, aws_security_group.bastion.id])
    error_message = "database ingress must reference exactly the service, proxy and bastion security groups"
  }

  assert {
    condition     = aws_rds_cluster.main.storage_encrypted && aws_rds_cluster.main.manage_master_user_password
    error_message = "the database is encrypted and its password is kept in Secrets Manager"
  }

  assert {
    condition     = aws_db_proxy.main.require_tls && one(aws_db_proxy.main.auth).secret_arn == aws_rds_cluster.main.master_user_secret[0].secret_arn
    error_message = "RDS Proxy requires TLS and authenticates with the database's secret"
  }

  assert {
    condition     = aws_instance.bastion.associate_public_ip_address == false && aws_instance.bastion.metadata_options[0].http_tokens == "required"
    error_message = "the bastion has no public address (SSM only) and requires IMDSv2"
  }
}

run "load_balancer_checks_health_on_slash_health" {
  command = plan

  assert {
    condition     = aws_lb_target_group.service.health_check[0].path == "/health" && aws_lb_target_group.service.health_check[0].matcher == "200"
    error_message = "the target group must check GET /health and expect 200"
  }

  assert {
    condition     = aws_lb_target_group.service.target_type == "ip" && aws_lb_target_group.service.port == 8000
    error_message = "Fargate tasks register by IP on the service's port 8000"
  }

  assert {
    condition     = aws_apigatewayv2_route.default.route_key == "$default"
    error_message = "API Gateway must pass every path through ($default route)"
  }

  assert {
    condition     = aws_apigatewayv2_integration.service.connection_type == "VPC_LINK" && aws_apigatewayv2_integration.service.integration_type == "HTTP_PROXY" && aws_apigatewayv2_integration.service.integration_method == "ANY"
    error_message = "API Gateway must proxy every method to the load balancer over the VPC link"
  }
}

run "service_scales_on_cpu_and_on_requests_per_target" {
  command = plan

  assert {
    condition     = aws_appautoscaling_policy.cpu.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ECSServiceAverageCPUUtilization"
    error_message = "a target tracking policy on CPU is required"
  }

  assert {
    condition     = aws_appautoscaling_policy.requests.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ALBRequestCountPerTarget"
    error_message = "a target tracking policy on ALB requests per target is required"
  }

  assert {
    condition     = aws_appautoscaling_policy.requests.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].resource_label == "app/user-api/50dc6c495c0c9188/targetgroup/user-api/73e2d6bc24d8a067"
    error_message = "the request policy must name the service's load balancer and target group"
  }

  assert {
    condition     = aws_appautoscaling_target.service.max_capacity > aws_appautoscaling_target.service.min_capacity
    error_message = "auto scaling needs room above the minimum"
  }
}

run "profile_image_bucket_is_private_encrypted_and_the_task_role_least_privileged" {
  command = plan

  assert {
    condition = (aws_s3_bucket_public_access_block.profile_images.block_public_acls && aws_s3_bucket_public_access_block.profile_images.block_public_policy
    && aws_s3_bucket_public_access_block.profile_images.ignore_public_acls && aws_s3_bucket_public_access_block.profile_images.restrict_public_buckets)
    error_message = "all four public access blocks must be on"
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.profile_images.rule).apply_server_side_encryption_by_default).sse_algorithm != ""
    error_message = "the bucket must encrypt objects by default"
  }

  assert {
    condition     = one(aws_s3_bucket_ownership_controls.profile_images.rule).object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled on the bucket"
  }

  assert {
    condition     = data.aws_iam_policy_document.task_images.statement[0].resources == toset(["${aws_s3_bucket.profile_images.arn}/*"])
    error_message = "the task role may touch only the objects of the profile image bucket"
  }

  assert {
    condition     = data.aws_iam_policy_document.task_images.statement[0].actions == toset(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"])
    error_message = "the task role may only read, write and delete objects (no wildcard actions)"
  }

  assert {
    condition     = length(data.aws_iam_policy_document.task_images.statement) == 1
    error_message = "the task role has one statement: profile images"
  }
}

run "alarms_watch_errors_latency_and_unhealthy_hosts" {
  command = plan

  assert {
    condition     = contains([for query in aws_cloudwatch_metric_alarm.error_rate.metric_query : try(query.metric[0].metric_name, "")], "HTTPCode_Target_5XX_Count")
    error_message = "an alarm on the 5xx rate is required"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.latency_p99.extended_statistic == "p99" && aws_cloudwatch_metric_alarm.latency_p99.metric_name == "TargetResponseTime"
    error_message = "an alarm on p99 latency is required"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.unhealthy_hosts.metric_name == "UnHealthyHostCount" && aws_cloudwatch_metric_alarm.unhealthy_hosts.threshold == 0
    error_message = "an alarm on any unhealthy host is required"
  }

  assert {
    condition     = aws_cloudwatch_log_group.service.retention_in_days > 0
    error_message = "logs must expire"
  }
}

run "fewer_than_two_tasks_is_refused" {
  command = plan

  variables {
    min_tasks = 1
  }

  expect_failures = [var.min_tasks]
}

run "a_stop_timeout_within_the_drain_is_refused" {
  command = plan

  variables {
    stop_timeout_seconds = 20
  }

  expect_failures = [var.stop_timeout_seconds]
}
