# An internal application load balancer in the private subnets; API Gateway reaches it over a VPC link.
# TLS ends at API Gateway; the hop from the VPC link to the load balancer stays inside the VPC.

resource "aws_lb" "main" {
  name                       = var.name
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = aws_subnet.private[*].id
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  # Shorter than the service's keep-alive (HTTP_IDLE_TIMEOUT), longer than the 25 s SSE heartbeat (variables.tf).
  idle_timeout = var.alb_idle_timeout_seconds
}

resource "aws_lb_target_group" "service" {
  name                 = var.name
  port                 = local.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = var.drain_seconds
  # A new task's share of requests grows over its first 30 s in service instead of arriving whole: in its first second
  # the JIT still compiles (docs/benchmarks-startup.md), and one second of load there brings it to its warm latency.
  slow_start                    = 30
  load_balancing_algorithm_type = "round_robin" # slow start works with round robin only

  # Liveness, not readiness: /ping never touches the database. With /health (503 while the database is away) a
  # failover would take every task out of the target group and get it replaced; /health stays for the alarms.
  health_check {
    path                = "/ping"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service.arn
  }
}

# The operations endpoints are for the VPC's own monitoring, never for a caller: whoever reaches the load
# balancer (the gateway forwards the API's paths only) gets 404 for them. The target group's health check goes to
# the tasks directly, not through this listener.
resource "aws_lb_listener_rule" "operations_private" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 1

  condition {
    path_pattern {
      values = ["/metrics", "/metrics/*", "/health", "/health/*"]
    }
  }

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      status_code  = "404"
      message_body = jsonencode({ type = "about:blank", title = "Not Found", status = 404 })
    }
  }
}
