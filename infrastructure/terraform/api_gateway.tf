# API Gateway in front: a REST API, because only REST APIs stream a response (AWS: "Stream the integration
# response for your proxy integrations"; HTTP APIs buffer it and cut it at 29 s). TLS ends here; throttling and
# the access log are set on the stage for every route.
#
# - GET /events (live events) and GET /users/me/export stream: response transfer mode STREAM, up to 15 minutes a
#   response, cut after 5 minutes without a byte (regional endpoint). The service sends an SSE comment every 25 s,
#   so a live-event stream lives 15 minutes and the client reconnects with Last-Event-ID (README.md, "How long a
#   stream lives").
# - Every other route is buffered, within the gateway's 29 s, as before.
# - Only the API's own paths are routes: /metrics, /health and /ping are not (and the load balancer refuses the
#   first two anyway, load_balancer.tf).
#
# The AWS provider here (5.100) has no argument for the transfer mode, so the API is an OpenAPI document with
# x-amazon-apigateway-integration. Each route is an HTTP_PROXY private integration to the internal load balancer
# over a VPC link V2 (integrationTarget: the load balancer's ARN; the uri only sets the Host header and path).
# Check after an apply: aws apigateway get-integration --rest-api-id <id> --resource-id <events> --http-method GET
# shows responseTransferMode STREAM.

resource "aws_apigatewayv2_vpc_link" "main" {
  name               = var.name
  subnet_ids         = aws_subnet.private[*].id
  security_group_ids = [aws_security_group.vpc_link.id]
}

locals {
  # The gateway's own limits: 29 s for a buffered integration, 15 minutes for a streamed one.
  buffered_timeout_ms = 29000
  stream_timeout_ms   = 900000
  backend             = "http://${aws_lb.main.dns_name}"

  # path -> { method -> [greedy path parameter?, streamed?] }; "x-amazon-apigateway-any-method" is ANY.
  routes = {
    "/users/{proxy+}"         = { "x-amazon-apigateway-any-method" = [true, false] }
    "/users/me"               = { "x-amazon-apigateway-any-method" = [false, false] }
    "/users/me/{proxy+}"      = { "x-amazon-apigateway-any-method" = [true, false] }
    "/users/me/export"        = { get = [false, true], options = [false, false] }
    "/friendship/{proxy+}"    = { "x-amazon-apigateway-any-method" = [true, false] }
    "/notifications/{proxy+}" = { "x-amazon-apigateway-any-method" = [true, false] }
    "/domains/{proxy+}"       = { "x-amazon-apigateway-any-method" = [true, false] }
    "/events"                 = { get = [false, true], options = [false, false] }
    "/openapi.json"           = { get = [false, false] }
    "/docs"                   = { get = [false, false] }
    "/docs/{proxy+}"          = { get = [true, false] }
  }

  openapi = {
    openapi = "3.0.1"
    info    = { title = var.name, version = "1" }
    paths = { for path, methods in local.routes : path => { for method, shape in methods : method => merge(
      shape[0] ? { parameters = [{ name = "proxy", "in" = "path", required = true, schema = { type = "string" } }] } : {},
      {
        "x-amazon-apigateway-integration" = merge(
          {
            type                = "http_proxy"
            httpMethod          = method == "x-amazon-apigateway-any-method" ? "ANY" : upper(method)
            uri                 = "${local.backend}${replace(path, "{proxy+}", "{proxy}")}"
            connectionType      = "VPC_LINK"
            connectionId        = aws_apigatewayv2_vpc_link.main.id
            integrationTarget   = aws_lb.main.arn
            passthroughBehavior = "when_no_match"
            timeoutInMillis     = shape[1] ? local.stream_timeout_ms : local.buffered_timeout_ms
          },
          shape[1] ? { responseTransferMode = "STREAM" } : {},
          shape[0] ? { requestParameters = { "integration.request.path.proxy" = "method.request.path.proxy" } } : {},
        )
      },
    ) } }
  }
}

resource "aws_api_gateway_rest_api" "main" {
  name              = var.name
  description       = "user-api: the API's paths, proxied to the ECS service; live events and exports streamed"
  body              = jsonencode(local.openapi)
  put_rest_api_mode = "overwrite"

  # Regional: a streamed response may stay idle for 5 minutes (30 s on an edge-optimized endpoint).
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.main.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
}

# A REST API writes logs through the account's (per region) API Gateway role. If another stack of the account
# already sets it, this takes it over with the same managed policy.
resource "aws_iam_role" "api_gateway_logs" {
  name = "${var.name}-apigateway-logs"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "apigateway.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "api_gateway_logs" {
  role       = aws_iam_role.api_gateway_logs.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

resource "aws_api_gateway_account" "main" {
  cloudwatch_role_arn = aws_iam_role.api_gateway_logs.arn
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "api"

  # One line per request, never a header, the authorizer or the body: the ID token stays out of the logs.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      ip                 = "$context.identity.sourceIp"
      method             = "$context.httpMethod"
      route              = "$context.resourcePath"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationStatus  = "$context.integration.status"
      integrationLatency = "$context.integration.latency"
      integrationError   = "$context.integration.error"
    })
  }

  depends_on = [aws_api_gateway_account.main]
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = aws_api_gateway_stage.main.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = var.api_throttle_rate
    throttling_burst_limit = var.api_throttle_burst
    metrics_enabled        = true
    # Execution logs print the request's headers, the bearer token among them: off.
    logging_level      = "OFF"
    data_trace_enabled = false
  }
}
