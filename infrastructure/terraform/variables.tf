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

# Keep-alive: the ALB must give up an idle connection before the service does, or it reuses one the service is
# closing and answers 502 (AWS: the target's keep-alive must be longer than the load balancer's idle timeout). The
# ALB's also bounds a quiet stream: the service sends an SSE comment every 25 s, so it must be longer than that.
variable "alb_idle_timeout_seconds" {
  description = "Idle timeout of the load balancer (seconds): longer than the 25 s SSE heartbeat, shorter than service_idle_timeout_seconds."
  type        = number
  default     = 60

  validation {
    condition     = var.alb_idle_timeout_seconds > 25 && var.alb_idle_timeout_seconds <= 4000
    error_message = "alb_idle_timeout_seconds must be above the service's 25 s SSE heartbeat (or idle streams are cut), and at most 4000."
  }
}

variable "service_idle_timeout_seconds" {
  description = "The service's keep-alive idle timeout (HTTP_IDLE_TIMEOUT, seconds); strictly longer than alb_idle_timeout_seconds."
  type        = number
  default     = 75

  validation {
    condition     = var.service_idle_timeout_seconds > var.alb_idle_timeout_seconds
    error_message = "service_idle_timeout_seconds must be longer than alb_idle_timeout_seconds, or the load balancer reuses connections the service is closing (502)."
  }
}

# Live-event streams per task. Measured: about 10 KB of heap a stream. A 512 MiB task runs a heap of about half of
# that (jvm.options); 2,000 streams x 10 KB = 20 MB, under a tenth of the heap, leaving the rest to requests and
# caches. More streams per task means a bigger task, not a bigger number here.
variable "events_max_streams" {
  description = "Open live-event streams a task accepts (EVENTS_MAX_STREAMS); beyond it GET /events answers 503. Sized to the task memory (see the comment)."
  type        = number
  default     = 2000
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
  description = "App client ids whose ID tokens are accepted (the audience check): the extension's and the web client's. Required: without it any app client of the pool would do."
  type        = list(string)

  validation {
    condition     = length(var.cognito_app_client_ids) > 0 && alltrue([for id in var.cognito_app_client_ids : trimspace(id) != ""])
    error_message = "cognito_app_client_ids must name at least one app client id."
  }
}

variable "cors_allowed_origins" {
  description = "Origins allowed by CORS, exactly: the extension's chrome-extension://<id> and the web client's https origin. Also the origins allowed to upload to the image bucket. Required; '*' is for dev mode only."
  type        = list(string)

  validation {
    condition     = length(var.cors_allowed_origins) > 0 && alltrue([for origin in var.cors_allowed_origins : trimspace(origin) != "" && !strcontains(origin, "*")])
    error_message = "cors_allowed_origins must list explicit origins (e.g. chrome-extension://<id>, https://app.example.com); '*' and wildcards are refused."
  }
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

# Sizing, 1M users (docs/benchmarks.md): V6's friendship table and its indexes take 3.6 GB, and the hot reads
# (friends, requests, search) touch all of it. Aurora PostgreSQL gives shared_buffers about three quarters of the
# instance's memory, so the working set stays in memory from 8 GiB up: db.t4g.medium (4 GiB, ~3 GB of buffers)
# would read from storage on every miss. db.r6g.large (16 GiB, ~12 GB of buffers) holds the data set with room to
# grow to about 3M users; burstable classes (t4g) also run out of CPU credits under steady load.
variable "db_instance_class" {
  description = "Aurora instance class; at least 8 GiB of memory so that the 1M-user data set (3.6 GB) stays in the buffer cache (see the sizing above)."
  type        = string
  default     = "db.r6g.large"

  validation {
    condition = lookup({
      "db.t4g.large"   = 8, "db.r6g.large" = 16, "db.r7g.large" = 16, "db.r8g.large" = 16, "db.r6i.large" = 16,
      "db.r6g.xlarge"  = 32, "db.r7g.xlarge" = 32, "db.r8g.xlarge" = 32, "db.r6i.xlarge" = 32,
      "db.r6g.2xlarge" = 64, "db.r7g.2xlarge" = 64, "db.r8g.2xlarge" = 64, "db.r6i.2xlarge" = 64,
    }, var.db_instance_class, 0) >= 8
    error_message = "db_instance_class must have at least 8 GiB of memory (the 1M-user data set is 3.6 GB): e.g. db.r6g.large. Add a class to this list with its memory in GiB."
  }
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
  description = "Master user name: owns the schema and runs the migrations; its password is created, kept and rotated in Secrets Manager by RDS."
  type        = string
  default     = "user_api"
}

variable "db_app_username" {
  description = "The service's own database user (DML only, README step 3 creates it); its password lives in its own secret."
  type        = string
  default     = "user_api_app"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.db_app_username))
    error_message = "db_app_username must be a plain lower-case PostgreSQL identifier."
  }
}

variable "db_app_rotation_days" {
  description = "Days between rotations of the service user's password (each one starts fresh tasks, see database.tf)."
  type        = number
  default     = 30
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

# --- releases --------------------------------------------------------------------------------------------------

variable "codeartifact_domain" {
  description = "CodeArtifact domain of the library's releases (README, Releasing); empty: the name prefix."
  type        = string
  default     = ""
}
