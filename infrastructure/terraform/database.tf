# Aurora PostgreSQL in the private subnets, never publicly accessible, encrypted. Two users:
# - the master user owns the schema; RDS creates, keeps and rotates its password in Secrets Manager. Only the
#   migration task (service.tf) and operators (through the bastion) log in with it, straight to the writer.
# - the service's own user (var.db_app_username) may read and write rows and nothing else (README step 3 creates it
#   with these grants); its password lives in its own secret, rotated by a Lambda function every
#   var.db_app_rotation_days. The service's pool logs in with it through RDS Proxy; its LISTEN connection straight
#   to the writer (DATABASE_DIRECT_URL).

resource "aws_db_subnet_group" "main" {
  name       = var.name
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_rds_cluster_parameter_group" "main" {
  name   = "${var.name}-aurora-postgresql"
  family = "aurora-postgresql${split(".", var.db_engine_version)[0]}"

  # Statements that run away are stopped by the service's own timeouts; these log the slow ones.
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_rds_cluster" "main" {
  cluster_identifier              = var.name
  engine                          = "aurora-postgresql"
  engine_version                  = var.db_engine_version
  database_name                   = var.db_name
  master_username                 = var.db_master_username
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.main.name
  vpc_security_group_ids          = [aws_security_group.database.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.main.name
  storage_encrypted               = true
  backup_retention_period         = var.db_backup_retention_days
  preferred_backup_window         = "03:00-04:00"
  copy_tags_to_snapshot           = true
  deletion_protection             = var.db_deletion_protection
  skip_final_snapshot             = false
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]

  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }
}

resource "aws_rds_cluster_instance" "main" {
  count = var.db_instance_count

  identifier                   = "${var.name}-${count.index}"
  cluster_identifier           = aws_rds_cluster.main.id
  engine                       = aws_rds_cluster.main.engine
  engine_version               = aws_rds_cluster.main.engine_version
  instance_class               = var.db_instance_class
  db_subnet_group_name         = aws_db_subnet_group.main.name
  availability_zone            = local.azs[count.index % 2]
  publicly_accessible          = false
  performance_insights_enabled = true
}

# --- the service's own user ------------------------------------------------------------------------------------

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_secretsmanager_secret" "app_db" {
  name_prefix = "${var.name}-app-db-"
  description = "Database user of the user-api service (DML only); rotated by ${var.name}-rotate-app-db"
}

# The secret's shape, as the RDS rotation functions read and write it; `host` is the writer, where the rotation
# runs ALTER USER. Terraform writes it with an empty password and never again (no password in the state):
# README step 3 creates the user with a generated password and puts that password here. From then on the
# rotation function changes both, every var.db_app_rotation_days.
resource "aws_secretsmanager_secret_version" "app_db" {
  secret_id = aws_secretsmanager_secret.app_db.id
  secret_string = jsonencode({
    engine   = "postgres"
    host     = aws_rds_cluster.main.endpoint
    port     = 5432
    dbname   = var.db_name
    username = var.db_app_username
    password = ""
  })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# Rotation, and why it is single-user with a redeploy:
# - ECS reads the secret into the container once, at task start; RDS Proxy reads it by itself. After a rotation
#   the proxy takes the new password and refuses new connections that bring the old one.
# - The alternating-users strategy (two users, the secret switching between them) does not help behind RDS Proxy:
#   the proxy authenticates a client only against the user name its secret holds *now*, so tasks still holding
#   the previous user are refused all the same.
# - IAM authentication to the proxy (a token per connection) would need the driver to fetch tokens; the service
#   logs in with a password today.
# - So: single-user rotation, and its RotationSucceeded event starts fresh tasks at once (redeploy.tf).
#   Until they are up (a few minutes: a rolling deployment, old tasks drain), old tasks keep their
#   open connections (the proxy does not drop authenticated clients) and Hikari replaces connections only at
#   their 30-minute end of life, so few renewals fall in the window; one that fails is retried by the pool while
#   readiness (/health) reports it and liveness (/ping) keeps the task alive.
resource "aws_serverlessapplicationrepository_cloudformation_stack" "rotation" {
  name           = "${var.name}-rotate-app-db"
  application_id = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser"
  capabilities   = ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"]

  parameters = {
    functionName        = "${var.name}-rotate-app-db"
    endpoint            = "https://secretsmanager.${var.region}.${data.aws_partition.current.dns_suffix}"
    vpcSubnetIds        = join(",", aws_subnet.private[*].id)
    vpcSecurityGroupIds = aws_security_group.rotation.id
  }
}

resource "aws_secretsmanager_secret_rotation" "app_db" {
  secret_id           = aws_secretsmanager_secret.app_db.id
  rotation_lambda_arn = aws_serverlessapplicationrepository_cloudformation_stack.rotation.outputs["RotationLambdaARN"]

  # The first rotation waits for the schedule: the user exists only after README step 3.
  rotate_immediately = false

  rotation_rules {
    automatically_after_days = var.db_app_rotation_days
  }

  depends_on = [aws_secretsmanager_secret_version.app_db]
}

# --- RDS Proxy -------------------------------------------------------------------------------------------------
# What pins a proxied connection to one database connection (AWS: "Avoiding pinning"), and what this service does:
# - LISTEN, session-level advisory locks (Flyway's migration lock): not through the proxy. The live-event listener
#   and migrations use DATABASE_DIRECT_URL, the writer; a NOTIFY reaching an idle proxied listener is not
#   documented, so it is not relied on.
# - SET outside a transaction, and startup options (options=-c ...; the proxy refuses those outright): the
#   service sends none; its statement limit is the driver's query timeout, which cancels the statement.
# - Server-side prepared statements: a session that prepares a named statement is pinned. The service's pool
#   uses unnamed statements only (pgjdbc prepareThreshold=0), so its connections stay multiplexed. The cost:
#   PostgreSQL parses and plans every statement each time (the statements are short; a few per cent of the
#   database's CPU), and what it buys is that a few database connections serve all tasks' pools.
# RDS Proxy's gains here: failover without DNS waits (it keeps client connections and reconnects to the new
# writer), and a bounded number of database connections however far the service scales.

locals {
  db_master_secret_arn = aws_rds_cluster.main.master_user_secret[0].secret_arn
}

resource "aws_iam_role" "proxy" {
  name = "${var.name}-db-proxy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "rds.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "proxy_secret" {
  name = "read-app-database-secret"
  role = aws_iam_role.proxy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = [aws_secretsmanager_secret.app_db.arn]
    }]
  })
}

resource "aws_db_proxy" "main" {
  name                   = var.name
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy.arn
  vpc_subnet_ids         = aws_subnet.private[*].id
  vpc_security_group_ids = [aws_security_group.proxy.id]
  require_tls            = true
  idle_client_timeout    = 1800

  # Only the service's user: operators and migrations go to the writer.
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "DISABLED"
    secret_arn  = aws_secretsmanager_secret.app_db.arn
  }
}

resource "aws_db_proxy_default_target_group" "main" {
  db_proxy_name = aws_db_proxy.main.name

  connection_pool_config {
    max_connections_percent      = 90
    max_idle_connections_percent = 50
    connection_borrow_timeout    = 5
  }
}

resource "aws_db_proxy_target" "main" {
  db_proxy_name         = aws_db_proxy.main.name
  target_group_name     = aws_db_proxy_default_target_group.main.name
  db_cluster_identifier = aws_rds_cluster.main.cluster_identifier
}
