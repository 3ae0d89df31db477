# Who may talk to whom. Ingress rules name security groups, not addresses, except the VPC link's; the database
# takes connections only from the service's tasks (LISTEN, the migration task), RDS Proxy, the password rotation
# function and the bastion.

resource "aws_security_group" "vpc_link" {
  name        = "${var.name}-vpc-link"
  description = "API Gateway VPC link: reaches the internal load balancer"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internal load balancer: HTTP from the API Gateway VPC link only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "service" {
  name        = "${var.name}-service"
  description = "ECS tasks: HTTP from the load balancer only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "proxy" {
  name        = "${var.name}-db-proxy"
  description = "RDS Proxy: PostgreSQL from the service and the bastion"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "database" {
  name        = "${var.name}-database"
  description = "Aurora PostgreSQL: from the service, RDS Proxy and the bastion only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "rotation" {
  name        = "${var.name}-db-rotation"
  description = "Password rotation function: PostgreSQL to the writer, HTTPS to Secrets Manager"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "bastion" {
  name        = "${var.name}-bastion"
  description = "Bastion: no inbound port (SSM Session Manager), PostgreSQL and HTTPS out"
  vpc_id      = aws_vpc.main.id
}

# --- VPC link -> ALB -> tasks ----------------------------------------------------------------------------------

resource "aws_vpc_security_group_egress_rule" "vpc_link_to_alb" {
  security_group_id            = aws_security_group.vpc_link.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  description                  = "HTTP to the load balancer"
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc_link" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.vpc_link.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  description                  = "HTTP from API Gateway"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_service" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.service.id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  description                  = "HTTP to the tasks"
}

resource "aws_vpc_security_group_ingress_rule" "service_from_alb" {
  security_group_id            = aws_security_group.service.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  description                  = "HTTP from the load balancer"
}

# Tasks reach ECR, Secrets Manager, CloudWatch Logs, Cognito's JWKS and S3 over HTTPS through the NAT gateways.
resource "aws_vpc_security_group_egress_rule" "service_https" {
  security_group_id = aws_security_group.service.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to AWS APIs and Cognito"
}

resource "aws_vpc_security_group_egress_rule" "service_to_proxy" {
  security_group_id            = aws_security_group.service.id
  referenced_security_group_id = aws_security_group.proxy.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL through RDS Proxy"
}

# The tasks' LISTEN connection (DATABASE_DIRECT_URL) and the migration task (same security group) connect to the
# writer directly: LISTEN and Flyway's session-level advisory lock would pin a proxied connection, and long
# migrations outlast the proxy's idle limits.
resource "aws_vpc_security_group_egress_rule" "service_to_database" {
  security_group_id            = aws_security_group.service.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL to the writer (LISTEN, migrations)"
}

# --- proxy and database ----------------------------------------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "proxy_from_service" {
  security_group_id            = aws_security_group.proxy.id
  referenced_security_group_id = aws_security_group.service.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from the tasks"
}

resource "aws_vpc_security_group_ingress_rule" "proxy_from_bastion" {
  security_group_id            = aws_security_group.proxy.id
  referenced_security_group_id = aws_security_group.bastion.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from the bastion"
}

resource "aws_vpc_security_group_egress_rule" "proxy_to_database" {
  security_group_id            = aws_security_group.proxy.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL to the cluster"
}

# The database's only ways in: one rule per client security group, none from an address range.
locals {
  database_clients = {
    service  = aws_security_group.service.id # LISTEN and the migration task
    proxy    = aws_security_group.proxy.id
    bastion  = aws_security_group.bastion.id
    rotation = aws_security_group.rotation.id
  }
}

resource "aws_vpc_security_group_ingress_rule" "database" {
  for_each = local.database_clients

  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from ${each.key}"
}

# --- password rotation function --------------------------------------------------------------------------------

resource "aws_vpc_security_group_egress_rule" "rotation_https" {
  security_group_id = aws_security_group.rotation.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to Secrets Manager"
}

resource "aws_vpc_security_group_egress_rule" "rotation_to_database" {
  security_group_id            = aws_security_group.rotation.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL to the writer (ALTER USER)"
}

# --- bastion ---------------------------------------------------------------------------------------------------

resource "aws_vpc_security_group_egress_rule" "bastion_https" {
  security_group_id = aws_security_group.bastion.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS to SSM and package mirrors"
}

resource "aws_vpc_security_group_egress_rule" "bastion_to_proxy" {
  security_group_id            = aws_security_group.bastion.id
  referenced_security_group_id = aws_security_group.proxy.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL through RDS Proxy"
}

resource "aws_vpc_security_group_egress_rule" "bastion_to_database" {
  security_group_id            = aws_security_group.bastion.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL to the cluster"
}
