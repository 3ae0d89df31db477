output "api_url" {
  description = "Public base URL of the API (API Gateway REST API, stage `api`): clients call <api_url>/users/me etc."
  value       = aws_api_gateway_stage.main.invoke_url
}

output "ecr_repository_url" {
  description = "Where rollout.sh pushes images."
  value       = aws_ecr_repository.service.repository_url
}

output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.main.name
}

output "service_name" {
  description = "ECS service."
  value       = aws_ecs_service.service.name
}

output "task_family" {
  description = "Task definition family of the service; rollout.sh registers new revisions of it."
  value       = aws_ecs_task_definition.service.family
}

output "migrate_task_family" {
  description = "Task definition family of the one-off migration task (schema owner, writer); rollout.sh registers new revisions of it."
  value       = aws_ecs_task_definition.migrate.family
}

output "container_name" {
  description = "Name of the container in the task definition."
  value       = local.container_name
}

output "private_subnet_ids" {
  description = "Subnets of the tasks (and of the one-off migration task)."
  value       = aws_subnet.private[*].id
}

output "service_security_group_id" {
  description = "Security group of the tasks (and of the one-off migration task)."
  value       = aws_security_group.service.id
}

output "db_writer_endpoint" {
  description = "Writer endpoint of the cluster: the migration task and the bastion connect here."
  value       = aws_rds_cluster.main.endpoint
}

output "db_proxy_endpoint" {
  description = "RDS Proxy endpoint: the service connects here."
  value       = aws_db_proxy.main.endpoint
}

output "db_secret_arn" {
  description = "Secrets Manager secret of the master user, the schema owner (managed and rotated by RDS): migrations and operators."
  value       = local.db_master_secret_arn
}

output "db_app_secret_arn" {
  description = "Secrets Manager secret of the service's own database user (rotated by the rotation function; each rotation starts fresh tasks)."
  value       = aws_secretsmanager_secret.app_db.arn
}

output "db_app_username" {
  description = "The service's own database user (README step 3 creates it)."
  value       = var.db_app_username
}

output "redeploy_state_machine_arn" {
  description = "Step Functions state machine that forces a new deployment of the service (started on each password rotation)."
  value       = aws_sfn_state_machine.redeploy.arn
}

output "bastion_instance_id" {
  description = "Instance id for SSM Session Manager port forwarding to the database."
  value       = aws_instance.bastion.id
}

output "profile_image_bucket" {
  description = "S3 bucket of profile images."
  value       = aws_s3_bucket.profile_images.bucket
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.service.name
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}

output "codeartifact_domain" {
  description = "CodeArtifact domain of the library's releases."
  value       = aws_codeartifact_domain.main.domain
}

output "codeartifact_maven_url" {
  description = "Maven repository URL of the releases (mvn deploy -DaltDeploymentRepository=codeartifact::default::<this>)."
  value       = local.codeartifact_maven_url
}
