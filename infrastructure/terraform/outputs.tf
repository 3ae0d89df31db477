output "api_url" {
  description = "Public URL of the API (API Gateway)."
  value       = aws_apigatewayv2_stage.default.invoke_url
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
  description = "Task definition family; rollout.sh registers new revisions of it."
  value       = aws_ecs_task_definition.service.family
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
  description = "Secrets Manager secret with the database user name and password (managed and rotated by RDS)."
  value       = local.db_secret_arn
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
