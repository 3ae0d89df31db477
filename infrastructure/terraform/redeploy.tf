# Fresh tasks after each rotation of the service user's password (why: database.tf, "Rotation").
# Secrets Manager's RotationSucceeded event (delivered through CloudTrail) for that secret starts a Step Functions
# state machine whose one step is ECS UpdateService with forceNewDeployment: a rolling deployment of the same
# revision, whose new tasks read the new password at start. Nothing but the AWS provider: no Lambda to build.
# Check it: README.md, "Rotate the service user's password".

resource "aws_cloudwatch_event_rule" "app_db_rotated" {
  name        = "${var.name}-app-db-rotated"
  description = "The service user's database password rotated: start fresh tasks"
  event_pattern = jsonencode({
    source        = ["aws.secretsmanager"]
    "detail-type" = ["AWS Service Event via CloudTrail"]
    detail = {
      eventSource         = ["secretsmanager.amazonaws.com"]
      eventName           = ["RotationSucceeded"]
      additionalEventData = { SecretId = [aws_secretsmanager_secret.app_db.arn] }
    }
  })
}

resource "aws_iam_role" "redeploy" {
  name = "${var.name}-redeploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "states.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "redeploy" {
  name = "update-this-service"
  role = aws_iam_role.redeploy.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecs:UpdateService"], Resource = [aws_ecs_service.service.id] }]
  })
}

resource "aws_sfn_state_machine" "redeploy" {
  name     = "${var.name}-redeploy"
  role_arn = aws_iam_role.redeploy.arn
  definition = jsonencode({
    Comment = "Start fresh tasks of ${var.name}: they read the rotated database password at start"
    StartAt = "ForceNewDeployment"
    States = {
      ForceNewDeployment = {
        Type     = "Task"
        Resource = "arn:aws:states:::aws-sdk:ecs:updateService"
        Parameters = {
          Cluster            = aws_ecs_cluster.main.arn
          Service            = aws_ecs_service.service.name
          ForceNewDeployment = true
        }
        Retry = [{ ErrorEquals = ["States.ALL"], IntervalSeconds = 10, BackoffRate = 2, MaxAttempts = 5 }]
        End   = true
      }
    }
  })
}

resource "aws_iam_role" "events_start_redeploy" {
  name = "${var.name}-events-redeploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "events.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "events_start_redeploy" {
  name = "start-redeploy"
  role = aws_iam_role.events_start_redeploy.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["states:StartExecution"], Resource = [aws_sfn_state_machine.redeploy.arn] }]
  })
}

resource "aws_cloudwatch_event_target" "redeploy" {
  rule     = aws_cloudwatch_event_rule.app_db_rotated.name
  arn      = aws_sfn_state_machine.redeploy.arn
  role_arn = aws_iam_role.events_start_redeploy.arn
}
