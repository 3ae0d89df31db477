variable "name" {
  description = "Name prefix of every resource (and the ECS service, ECR repository and log group)."
  type        = string
  default     = "user-api"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name must be 2-21 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-west-2"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

# --- network -------------------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC; the four subnets are carved out of it (/20 each by default)."
  type        = string
  default     = "10.40.0.0/16"
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per availability zone (true, survives the loss of a zone) or a single shared one (false, cheaper)."
  type        = bool
  default     = true
}

# --- image and service -----------------------------------------------------------------------------------------

variable "image_tag" {
  description = "Tag (the git commit) of the image in the ECR repository for the task definition Terraform writes. Rollouts register new revisions with infrastructure/rollout.sh; Terraform leaves the running revision alone."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a Docker tag (letters, digits, _ . -)."
  }
}

variable "task_cpu" {
  description = "Fargate task CPU units (256 = 0.25 vCPU)."
  type        = number
  default     = 256
}

variable "task_memory" {
  description = "Fargate task memory in MiB. infrastructure/jvm.options is sized for 512."
  type        = number
  default     = 512
}

variable "desired_count" {
  description = "Tasks to start with; auto scaling moves between min_tasks and max_tasks afterwards."
  type        = number
  default     = 2
}

variable "min_tasks" {
  description = "Fewest running tasks (at least 2, one per availability zone)."
  type        = number
  default     = 2

  validation {
    condition     = var.min_tasks >= 2
    error_message = "min_tasks must be at least 2 so that each availability zone runs a task."
  }
}

variable "max_tasks" {
  description = "Most running tasks auto scaling may start."
  type        = number
  default     = 6
}

variable "cpu_target_percent" {
  description = "Average CPU utilisation the service scales to keep."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "ALB requests per task per minute the service scales to keep."
  type        = number
  default     = 3000
}

variable "drain_seconds" {
  description = "How long the load balancer drains a stopping task (deregistration delay). The service itself drains in-flight requests for up to 25 s on SIGTERM."
  type        = number
  default     = 25
}

variable "stop_timeout_seconds" {
  description = "ECS stopTimeout: seconds between SIGTERM and SIGKILL. Must be longer than the drain (Fargate allows at most 120)."
  type        = number
  default     = 35

  validation {
    condition     = var.stop_timeout_seconds > 25 && var.stop_timeout_seconds <= 120
    error_message = "stop_timeout_seconds must be above the service's 25 s drain and at most 120."
  }
}

variable "health_check_grace_seconds" {
  description = "Seconds ECS ignores failing load balancer health checks of a new task (JVM start; migrations run in their own task)."
  type        = number
  default     = 60
}

# --- sign-in ---------------------------------------------------------------------------------------------------

variable "cognito_region" {
  description = "Region of the Cognito user pool whose tokens the service trusts (defaults to region)."
  type        = string
  default     = ""
}

variable "cognito_pool_id" {
  description = "Cognito user pool id whose tokens the service trusts, e.g. us-west-2_AbCdEf."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}-[a-z]+-[0-9]_[A-Za-z0-9]+$", var.cognito_pool_id))
    error_message = "cognito_pool_id must look like us-west-2_AbCdEf."
  }
}

variable "cognito_app_client_ids" {
  description = "App client ids whose tokens are accepted (empty: audience not checked)."
  type        = list(string)
  default     = []
}

variable "cors_allowed_origins" {
  description = "Origins allowed by CORS ('*' or a list), also used for browser uploads to the image bucket."
  type        = list(string)
  default     = ["*"]
}

variable "log_level" {
  description = "Root log level of the service."
  type        = string
  default     = "INFO"
}

# --- database --------------------------------------------------------------------------------------------------

variable "db_engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.6"
}

variable "db_instance_class" {
  description = "Aurora instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_instance_count" {
  description = "Aurora instances: the writer plus readers, spread over the availability zones."
  type        = number
  default     = 2
}

variable "db_name" {
  description = "Database name."
  type        = string
  default     = "pagenow"
}

variable "db_master_username" {
  description = "Master user name; its password is created and kept in Secrets Manager by RDS."
  type        = string
  default     = "user_api"
}

variable "db_pool_size" {
  description = "Connections per task (DATABASE_POOL_SIZE). RDS Proxy multiplexes them onto the database."
  type        = number
  default     = 8
}

variable "db_backup_retention_days" {
  description = "Days of automated backups."
  type        = number
  default     = 7
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database cluster (turn off only to tear an environment down)."
  type        = bool
  default     = true
}

# --- bastion, alarms, logs -------------------------------------------------------------------------------------

variable "bastion_instance_type" {
  description = "Instance type of the bastion (reached with SSM Session Manager; no inbound port is open)."
  type        = string
  default     = "t4g.nano"
}

variable "bastion_ami_parameter" {
  description = "SSM parameter holding the bastion's AMI id (Amazon Linux 2023, arm64 for t4g)."
  type        = string
  default     = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the service's logs."
  type        = number
  default     = 30
}

variable "alarm_email" {
  description = "E-mail address subscribed to the alarm topic (empty: no subscription)."
  type        = string
  default     = ""
}

variable "alarm_5xx_percent" {
  description = "Alarm when more than this percentage of requests answer 5xx over 5 minutes."
  type        = number
  default     = 1
}

variable "alarm_p99_seconds" {
  description = "Alarm when the 99th percentile of target response time exceeds this many seconds."
  type        = number
  default     = 1
}

variable "api_throttle_rate" {
  description = "API Gateway steady-state requests per second."
  type        = number
  default     = 500
}

variable "api_throttle_burst" {
  description = "API Gateway burst of requests."
  type        = number
  default     = 1000
}
