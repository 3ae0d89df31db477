# `terraform test` (offline): plans the whole configuration against a mocked AWS provider and checks the rules of
# the deployment on the plan. Run from infrastructure/terraform after
#   terraform init -backend=false -plugin-dir=/opt/tf-plugins
# (bootstrap's TerraformIT does exactly that in CI).
#
# There is no AWS here, so the provider is mocked: resources get the values below where a rule or a rendered
# document needs a realistic one (an ARN, an endpoint), generated ones elsewhere. Nothing else is mocked: every IAM
# policy, the gateway's OpenAPI document, the state machine and the event pattern are built by Terraform itself
# (jsonencode) and the runs read them back with jsondecode, as AWS would receive them.

mock_provider "aws" {
  override_during = plan

  mock_data "aws_availability_zones" {
    defaults = {
      names = ["us-west-2a", "us-west-2b", "us-west-2c"]
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition  = "aws"
      dns_suffix = "amazonaws.com"
    }
  }

  mock_data "aws_ssm_parameter" {
    defaults = {
      value = "ami-0123456789abcdef0"
    }
  }

  # Resources whose generated attributes the runs compare: without a mock_resource block they stay unknown at plan.
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
    defaults = {
      arn = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/user-api/50dc6c495c0c9188/f2f7dc8efc522ab2"
    }
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

  mock_resource "aws_vpc_security_group_egress_rule" {
    defaults = {}
  }

  mock_resource "aws_codeartifact_domain" {
    defaults = {}
  }

  mock_resource "aws_codeartifact_repository" {
    defaults = {}
  }

  mock_resource "aws_cloudwatch_event_rule" {
    defaults = {}
  }

  mock_resource "aws_api_gateway_rest_api" {
    defaults = {}
  }

  mock_resource "aws_api_gateway_stage" {
    defaults = {}
  }


  mock_resource "aws_rds_cluster" {
    defaults = {
      arn      = "arn:aws:rds:us-west-2:123456789012:cluster:user-api"
      endpoint = "user-api.cluster-abc.us-west-2.rds.amazonaws.com"
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:us-west-2:123456789012:secret:rds!cluster-abc-123456"
        secret_status = "active"
        kms_key_id    = "alias/aws/secretsmanager"
      }]
    }
  }

  mock_resource "aws_secretsmanager_secret" {
    defaults = {
      arn = "arn:aws:secretsmanager:us-west-2:123456789012:secret:user-api-app-db-AbCdEf"
    }
  }

  mock_resource "aws_serverlessapplicationrepository_cloudformation_stack" {
    defaults = {
      outputs = {
        RotationLambdaARN = "arn:aws:lambda:us-west-2:123456789012:function:user-api-rotate-app-db"
      }
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

  mock_resource "aws_ecs_cluster" {
    defaults = {
      id  = "arn:aws:ecs:us-west-2:123456789012:cluster/user-api"
      arn = "arn:aws:ecs:us-west-2:123456789012:cluster/user-api"
    }
  }

  mock_resource "aws_ecs_service" {
    defaults = {
      id = "arn:aws:ecs:us-west-2:123456789012:service/user-api/user-api"
    }
  }

  mock_resource "aws_sfn_state_machine" {
    defaults = {
      arn = "arn:aws:states:us-west-2:123456789012:stateMachine:user-api-redeploy"
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

  mock_resource "aws_apigatewayv2_vpc_link" {
    defaults = {
      id = "vpclink-abc123"
    }
  }

  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/user-api/50dc6c495c0c9188"
      arn_suffix = "app/user-api/50dc6c495c0c9188"
      dns_name   = "internal-user-api-1234567890.us-west-2.elb.amazonaws.com"
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
  image_tag              = "0123abc"
  cognito_pool_id        = "us-west-2_AbCdEf"
  cognito_app_client_ids = ["1example23456789"]
  cors_allowed_origins   = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop", "https://app.example.com"]
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

run "service_runs_on_fargate_with_a_circuit_breaker_and_drains_before_the_stop_timeout" {
  command = plan

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
    condition = length([for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name
    if can(regex("(?i)PASSWORD|SECRET|TOKEN|DATABASE_URL|_KEY$", variable.name))]) == 0
    error_message = "no password, secret, token, key or URL with credentials may be a plain environment value"
  }

  assert {
    condition     = alltrue([for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : !can(regex("://[^/]*@", variable.value))])
    error_message = "no URL in the environment may carry credentials (user:password@)"
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
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.database)) == toset(["service", "proxy", "rotation", "bastion"])
    error_message = "the database accepts connections from the service, RDS Proxy, the rotation function and the bastion only"
  }

  assert {
    condition = alltrue([for rule in aws_vpc_security_group_ingress_rule.database :
    rule.cidr_ipv4 == null && rule.cidr_ipv6 == null && rule.prefix_list_id == null && rule.from_port == 5432 && rule.to_port == 5432])
    error_message = "database ingress must name security groups on port 5432, never an address range"
  }

  assert {
    condition     = toset(values(aws_vpc_security_group_ingress_rule.database)[*].referenced_security_group_id) == toset([aws_security_group.service.id, aws_security_group.proxy.id, aws_security_group.rotation.id, aws_security_group.bastion.id])
    error_message = "database ingress must reference exactly the service, proxy, rotation and bastion security groups"
  }

  assert {
    condition     = aws_rds_cluster.main.storage_encrypted && aws_rds_cluster.main.manage_master_user_password
    error_message = "the database is encrypted and its password is kept in Secrets Manager"
  }

  assert {
    condition     = aws_db_proxy.main.require_tls
    error_message = "RDS Proxy requires TLS"
  }

  assert {
    condition     = aws_instance.bastion.associate_public_ip_address == false && aws_instance.bastion.metadata_options[0].http_tokens == "required"
    error_message = "the bastion has no public address (SSM only) and requires IMDSv2"
  }
}

run "load_balancer_forwards_to_the_tasks_by_ip" {
  command = plan

  assert {
    condition     = aws_lb_target_group.service.target_type == "ip" && aws_lb_target_group.service.port == 8000
    error_message = "Fargate tasks register by IP on the service's port 8000"
  }

  assert {
    condition     = one(aws_ecs_service.service.load_balancer).target_group_arn == aws_lb_target_group.service.arn && aws_lb_listener.http.default_action[0].target_group_arn == aws_lb_target_group.service.arn
    error_message = "the listener forwards to the service's target group"
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

run "profile_image_bucket_is_private_and_encrypted" {
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
    condition     = jsondecode(aws_s3_bucket_policy.profile_images.policy).Statement[0].Effect == "Deny" && jsondecode(aws_s3_bucket_policy.profile_images.policy).Statement[0].Condition.Bool["aws:SecureTransport"] == "false"
    error_message = "the bucket refuses requests without TLS"
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
# --- issue 28: the stack runs for real (each run below failed on the configuration before the fix) -------------

run "the_task_and_the_target_group_check_liveness_not_the_database" {
  command = plan

  assert {
    condition     = aws_lb_target_group.service.health_check[0].path == "/ping" && aws_lb_target_group.service.health_check[0].matcher == "200"
    error_message = "the target group must check liveness (GET /ping), which never touches the database: a failover must not deregister every task"
  }

  assert {
    condition     = aws_lb_target_group.service.slow_start >= 30 && aws_lb_target_group.service.load_balancing_algorithm_type == "round_robin"
    error_message = "a new task must get its share of requests gradually (slow start, which needs round robin): its JIT compiles in its first seconds"
  }

  assert {
    condition = (contains(jsondecode(aws_ecs_task_definition.service.container_definitions)[0].healthCheck.command, "com.pagenow.userapi.bootstrap.HealthProbe")
    && !strcontains(join(" ", jsondecode(aws_ecs_task_definition.service.container_definitions)[0].healthCheck.command), "/health"))
    error_message = "the container health check must be HealthProbe, which asks liveness (/ping): ECS replaces a task that reports unhealthy"
  }
}

run "the_pool_goes_through_the_proxy_and_the_listener_and_migrations_to_the_writer" {
  command = plan

  assert {
    condition     = { for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }["RDS_HOST"] == aws_db_proxy.main.endpoint
    error_message = "the service's pool must connect through RDS Proxy"
  }

  assert {
    condition     = lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "DATABASE_DIRECT_URL", "") == "postgresql://${aws_rds_cluster.main.endpoint}:5432/${var.db_name}"
    error_message = "DATABASE_DIRECT_URL must name the cluster's writer endpoint (LISTEN and the migration lock would pin a proxy connection), without credentials"
  }

  assert {
    condition     = contains([for rule in aws_vpc_security_group_egress_rule.service_to_database[*] : rule.referenced_security_group_id], aws_security_group.database.id)
    error_message = "the tasks must be allowed to reach the writer directly"
  }
}

run "the_service_logs_in_as_its_own_user_with_its_own_secret" {
  command = plan

  assert {
    condition = alltrue([for secret in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].secrets :
    startswith(secret.valueFrom, "${aws_secretsmanager_secret.app_db.arn}:")])
    error_message = "the service's user name and password must come from the application user's own secret"
  }

  assert {
    condition     = !strcontains(aws_ecs_task_definition.service.container_definitions, aws_rds_cluster.main.master_user_secret[0].secret_arn)
    error_message = "the service must not log in as the master user"
  }

  assert {
    condition     = [for auth in aws_db_proxy.main.auth : auth.secret_arn] == [aws_secretsmanager_secret.app_db.arn]
    error_message = "RDS Proxy must authenticate the service's user with its own secret, and no other"
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.proxy_secret.policy).Statement[0].Resource == [aws_secretsmanager_secret.app_db.arn]
    error_message = "RDS Proxy may read only the application user's secret"
  }

  assert {
    condition     = [for statement in jsondecode(aws_iam_role_policy.execution_secrets.policy).Statement : statement.Resource] == [[aws_secretsmanager_secret.app_db.arn]]
    error_message = "the service's execution role may read only the application user's secret"
  }

  assert {
    condition = (jsondecode(aws_secretsmanager_secret_version.app_db.secret_string).username == var.db_app_username
      && jsondecode(aws_secretsmanager_secret_version.app_db.secret_string).host == aws_rds_cluster.main.endpoint
    && jsondecode(aws_secretsmanager_secret_version.app_db.secret_string).password == "")
    error_message = "the secret holds the service user's name and the writer (where rotation runs), and no password Terraform would keep in its state"
  }

  assert {
    condition     = aws_secretsmanager_secret_rotation.app_db.rotation_lambda_arn == aws_serverlessapplicationrepository_cloudformation_stack.rotation.outputs["RotationLambdaARN"]
    error_message = "the application user's secret must rotate with the rotation function deployed beside it"
  }

  assert {
    condition     = endswith(aws_serverlessapplicationrepository_cloudformation_stack.rotation.application_id, "/SecretsManagerRDSPostgreSQLRotationSingleUser")
    error_message = "the rotation is single-user: RDS Proxy accepts only the user name its secret holds (see database.tf)"
  }
}

run "the_migration_task_logs_in_as_the_schema_owner_on_the_writer" {
  command = plan

  assert {
    condition     = jsondecode(aws_ecs_task_definition.migrate.container_definitions)[0].command == ["migrate"]
    error_message = "the migration task runs the `migrate` command"
  }

  assert {
    condition = alltrue([for secret in jsondecode(aws_ecs_task_definition.migrate.container_definitions)[0].secrets :
    startswith(secret.valueFrom, "${aws_rds_cluster.main.master_user_secret[0].secret_arn}:")])
    error_message = "migrations run as the schema owner (the master user), never the service's user"
  }

  assert {
    condition     = { for variable in jsondecode(aws_ecs_task_definition.migrate.container_definitions)[0].environment : variable.name => variable.value }["RDS_HOST"] == aws_rds_cluster.main.endpoint
    error_message = "migrations connect to the writer, not through RDS Proxy"
  }

  assert {
    condition     = aws_ecs_task_definition.migrate.execution_role_arn == aws_iam_role.migrate_execution.arn && jsondecode(aws_iam_role_policy.migrate_execution_secrets.policy).Statement[0].Resource == [aws_rds_cluster.main.master_user_secret[0].secret_arn]
    error_message = "only the migration task's execution role may read the master secret"
  }
}

run "a_rotation_of_the_service_users_password_starts_fresh_tasks" {
  command = plan

  assert {
    condition = (jsondecode(aws_cloudwatch_event_rule.app_db_rotated.event_pattern).detail.eventName == ["RotationSucceeded"]
    && jsondecode(aws_cloudwatch_event_rule.app_db_rotated.event_pattern).detail.additionalEventData.SecretId == [aws_secretsmanager_secret.app_db.arn])
    error_message = "the rule must match RotationSucceeded of the application user's secret only"
  }

  assert {
    condition     = aws_cloudwatch_event_target.redeploy.arn == aws_sfn_state_machine.redeploy.arn && aws_cloudwatch_event_target.redeploy.rule == aws_cloudwatch_event_rule.app_db_rotated.name
    error_message = "the rule must start the redeploy state machine"
  }

  assert {
    condition = alltrue([for state in values(jsondecode(aws_sfn_state_machine.redeploy.definition).States) :
      state.Resource == "arn:aws:states:::aws-sdk:ecs:updateService" && state.Parameters.ForceNewDeployment == true
    && state.Parameters.Service == aws_ecs_service.service.name && state.Parameters.Cluster == aws_ecs_cluster.main.arn if state.Type == "Task"])
    error_message = "the state machine must force a new deployment of this service (ECS reads secrets only at task start)"
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.redeploy.policy).Statement == [{ Effect = "Allow", Action = ["ecs:UpdateService"], Resource = [aws_ecs_service.service.id] }]
    error_message = "the state machine may update this service and nothing else"
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.events_start_redeploy.policy).Statement == [{ Effect = "Allow", Action = ["states:StartExecution"], Resource = [aws_sfn_state_machine.redeploy.arn] }]
    error_message = "EventBridge may start this state machine and nothing else"
  }
}

run "events_and_exports_stream_past_the_gateway_while_other_routes_stay_buffered_and_throttled" {
  command = plan

  assert {
    condition = alltrue([for path in ["/events", "/users/me/export"] :
      jsondecode(aws_api_gateway_rest_api.main.body).paths[path].get["x-amazon-apigateway-integration"].responseTransferMode == "STREAM"
    && jsondecode(aws_api_gateway_rest_api.main.body).paths[path].get["x-amazon-apigateway-integration"].timeoutInMillis > 25000])
    error_message = "GET /events and GET /users/me/export must stream (REST API transfer mode STREAM) for longer than the 25 s heartbeat"
  }

  assert {
    condition     = aws_api_gateway_rest_api.main.endpoint_configuration[0].types == tolist(["REGIONAL"])
    error_message = "a regional endpoint: a streamed response may stay idle 5 minutes there, 30 s on an edge-optimized one"
  }

  assert {
    condition = alltrue(flatten([for path, methods in jsondecode(aws_api_gateway_rest_api.main.body).paths : [for method, operation in methods :
      lookup(operation["x-amazon-apigateway-integration"], "responseTransferMode", "BUFFERED") == "BUFFERED" && operation["x-amazon-apigateway-integration"].timeoutInMillis <= 29000
    if !(contains(["/events", "/users/me/export"], path) && method == "get")]]))
    error_message = "every other route keeps a buffered integration within the gateway's 29 s"
  }

  assert {
    condition = alltrue(flatten([for path, methods in jsondecode(aws_api_gateway_rest_api.main.body).paths : [for method, operation in methods :
      operation["x-amazon-apigateway-integration"].type == "http_proxy" && operation["x-amazon-apigateway-integration"].connectionType == "VPC_LINK"
      && operation["x-amazon-apigateway-integration"].connectionId == aws_apigatewayv2_vpc_link.main.id
    && operation["x-amazon-apigateway-integration"].integrationTarget == aws_lb.main.arn]]))
    error_message = "every route must proxy to the internal load balancer over the VPC link"
  }

  assert {
    condition     = aws_api_gateway_method_settings.all.method_path == "*/*" && aws_api_gateway_method_settings.all.settings[0].throttling_rate_limit == var.api_throttle_rate && aws_api_gateway_method_settings.all.settings[0].throttling_burst_limit == var.api_throttle_burst
    error_message = "every route keeps the gateway's throttling"
  }

  assert {
    condition     = aws_api_gateway_stage.main.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.api_access.arn
    error_message = "every route keeps the gateway's access log"
  }
}

run "no_id_token_reaches_a_log" {
  command = plan

  assert {
    condition     = length(regexall("(?i)authori[sz]|header|token|\\$input|\\$request|identity\\.(user|caller|cognito|principal)", aws_api_gateway_stage.main.access_log_settings[0].format)) == 0
    error_message = "the access-log format must not name the Authorization header, the authorizer or the request input: the ID token would be logged"
  }

  assert {
    condition     = aws_api_gateway_method_settings.all.settings[0].data_trace_enabled == false && aws_api_gateway_method_settings.all.settings[0].logging_level == "OFF"
    error_message = "execution logs (which print request headers, the bearer token among them) must stay off"
  }
}

run "operations_endpoints_are_unreachable_from_the_internet" {
  command = plan

  assert {
    condition = alltrue([for path in keys(jsondecode(aws_api_gateway_rest_api.main.body).paths) :
    !can(regex("^/(metrics|health|ping)", path)) && path != "/{proxy+}"])
    error_message = "the gateway must forward the API's paths only: not /metrics, /health or /ping, and no catch-all at the root"
  }

  assert {
    condition = (aws_lb_listener_rule.operations_private.listener_arn == aws_lb_listener.http.arn
      && aws_lb_listener_rule.operations_private.action[0].type == "fixed-response"
      && aws_lb_listener_rule.operations_private.action[0].fixed_response[0].status_code == "404"
    && toset(one(one(aws_lb_listener_rule.operations_private.condition).path_pattern).values) == toset(["/metrics", "/metrics/*", "/health", "/health/*"]))
    error_message = "the load balancer must answer 404 for /metrics and /health, whoever reaches it"
  }
}

run "the_bucket_accepts_the_web_clients_presigned_put" {
  command = plan

  assert {
    condition     = toset([for header in one(aws_s3_bucket_cors_configuration.profile_images.cors_rule).allowed_headers : lower(header)]) == toset(["content-type", "x-amz-acl"])
    error_message = "CORS must allow exactly the headers the presigned PUT is signed with: Content-Type and x-amz-acl"
  }

  assert {
    condition     = contains(one(aws_s3_bucket_cors_configuration.profile_images.cors_rule).allowed_methods, "PUT") && one(aws_s3_bucket_cors_configuration.profile_images.cors_rule).allowed_origins == toset(var.cors_allowed_origins)
    error_message = "browsers of the allowed origins upload with PUT"
  }

  assert {
    condition     = one(aws_s3_bucket_ownership_controls.profile_images.rule).object_ownership == "BucketOwnerPreferred"
    error_message = "the bucket must accept a PUT with x-amz-acl: private (BucketOwnerEnforced refuses every ACL but bucket-owner-full-control; see storage.tf)"
  }
}

run "replaced_profile_images_expire_within_a_day" {
  command = plan

  assert {
    condition     = one(one(aws_s3_bucket_lifecycle_configuration.profile_images.rule).noncurrent_version_expiration).noncurrent_days <= 1
    error_message = "noncurrent versions of profile images must expire within a day"
  }
}

run "the_keep_alive_outlasts_the_load_balancers_idle_timeout" {
  command = plan

  assert {
    condition     = aws_lb.main.idle_timeout == var.alb_idle_timeout_seconds && lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "HTTP_IDLE_TIMEOUT", "") == tostring(var.service_idle_timeout_seconds)
    error_message = "both idle timeouts are settings: the ALB's and the service's (HTTP_IDLE_TIMEOUT)"
  }

  assert {
    condition     = aws_lb.main.idle_timeout < tonumber(lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "HTTP_IDLE_TIMEOUT", "0"))
    error_message = "the service must keep an idle connection open longer than the ALB does, or the ALB reuses a closing connection and answers 502"
  }
}

run "an_alb_idle_timeout_not_below_the_services_is_refused" {
  command = plan

  variables {
    alb_idle_timeout_seconds     = 75
    service_idle_timeout_seconds = 75
  }

  expect_failures = [var.service_idle_timeout_seconds]
}

run "an_alb_idle_timeout_within_the_heartbeat_is_refused" {
  command = plan

  variables {
    alb_idle_timeout_seconds = 20
  }

  expect_failures = [var.alb_idle_timeout_seconds]
}

run "the_stream_limit_and_the_allocator_fit_the_task_memory" {
  command = plan

  assert {
    # about 10 KiB per stream, measured; at most an eighth of the heap (about half the task's memory)
    condition     = tonumber(lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "EVENTS_MAX_STREAMS", "10000")) * 10 <= tonumber(aws_ecs_task_definition.service.memory) * 1024 / 2 / 8
    error_message = "EVENTS_MAX_STREAMS must fit the task's memory (10 KiB a stream, at most an eighth of the heap)"
  }

  assert {
    condition     = lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "MALLOC_ARENA_MAX", "") == "2"
    error_message = "MALLOC_ARENA_MAX=2 as docs/benchmarks.md recommends"
  }
}

run "a_database_class_smaller_than_the_data_set_is_refused" {
  command = plan

  variables {
    db_instance_class = "db.t4g.medium"
  }

  expect_failures = [var.db_instance_class]
}

# --- issue 29: explicit CORS origins and app clients -----------------------------------------------------------

run "cors_for_any_origin_is_refused" {
  command = plan

  variables {
    cors_allowed_origins = ["*"]
  }

  expect_failures = [var.cors_allowed_origins]
}

run "an_empty_cors_list_is_refused" {
  command = plan

  variables {
    cors_allowed_origins = []
  }

  expect_failures = [var.cors_allowed_origins]
}

run "an_empty_app_client_list_is_refused" {
  command = plan

  variables {
    cognito_app_client_ids = []
  }

  expect_failures = [var.cognito_app_client_ids]
}

# --- issue 25: account deletion removes the Cognito user of this pool only -------------------------------------

run "account_deletion_may_delete_users_of_this_pool_only" {
  command = plan

  assert {
    condition     = lookup({ for variable in jsondecode(aws_ecs_task_definition.service.container_definitions)[0].environment : variable.name => variable.value }, "COGNITO_DELETE_USERS", "") == "true"
    error_message = "a deleted account's Cognito user must be deleted (COGNITO_DELETE_USERS=true)"
  }

  assert {
    condition = [for statement in jsondecode(aws_iam_role_policy.task.policy).Statement : statement.Resource if contains(statement.Action, "cognito-idp:AdminDeleteUser")] == [
    ["arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_AbCdEf"]]
    error_message = "the task role may call AdminDeleteUser on this user pool only"
  }

  assert {
    condition = alltrue([for statement in jsondecode(aws_iam_role_policy.task.policy).Statement :
    alltrue([for action in statement.Action : !strcontains(action, "*")]) && alltrue([for resource in statement.Resource : !endswith(resource, ":*") && resource != "*"])])
    error_message = "the task role names its actions and resources, no wildcard"
  }

  assert {
    condition = [for statement in jsondecode(aws_iam_role_policy.task.policy).Statement : { actions = toset(statement.Action), resources = statement.Resource }] == [
      { actions = toset(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]), resources = ["${aws_s3_bucket.profile_images.arn}/*"] },
      { actions = toset(["cognito-idp:AdminDeleteUser"]), resources = ["arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_AbCdEf"] },
    ]
    error_message = "the task role has two statements: the profile image objects, and this pool's users"
  }
}

# --- issue 24: releases go to CodeArtifact ---------------------------------------------------------------------

run "releases_go_to_a_codeartifact_maven_repository" {
  command = plan

  assert {
    condition     = aws_codeartifact_repository.releases.domain == aws_codeartifact_domain.main.domain && aws_codeartifact_repository.releases.upstream[0].repository_name == aws_codeartifact_repository.maven_central.repository
    error_message = "the release repository lives in the project's domain, with Maven Central behind it"
  }

  assert {
    condition     = aws_codeartifact_repository.maven_central.external_connections[0].external_connection_name == "public:maven-central"
    error_message = "the upstream repository reaches Maven Central"
  }

  assert {
    condition     = output.codeartifact_maven_url == "https://user-api-123456789012.d.codeartifact.us-west-2.amazonaws.com/maven/releases/"
    error_message = "the Maven endpoint of the release repository is an output (README, Releasing)"
  }
}
