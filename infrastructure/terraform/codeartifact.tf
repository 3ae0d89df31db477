# Releases of the library (README, "Releasing"): a CodeArtifact domain with a Maven repository `releases`, which
# also serves Maven Central through its upstream, so that consumers need one repository in their settings.
# CI deploys with `mvn deploy` to codeartifact_maven_url, with a token from
#   aws codeartifact get-authorization-token --domain <codeartifact_domain> --query authorizationToken --output text
# (its role needs codeartifact:GetAuthorizationToken, codeartifact:PublishPackageVersion, sts:GetServiceBearerToken).

locals {
  codeartifact_domain = var.codeartifact_domain != "" ? var.codeartifact_domain : var.name
}

resource "aws_codeartifact_domain" "main" {
  domain = local.codeartifact_domain
}

resource "aws_codeartifact_repository" "maven_central" {
  repository  = "maven-central-store"
  description = "Maven Central, cached (upstream of releases)"
  domain      = aws_codeartifact_domain.main.domain

  external_connections {
    external_connection_name = "public:maven-central"
  }
}

resource "aws_codeartifact_repository" "releases" {
  repository  = "releases"
  description = "Released versions of the user-api library (com.pagenow.userapi)"
  domain      = aws_codeartifact_domain.main.domain

  upstream {
    repository_name = aws_codeartifact_repository.maven_central.repository
  }
}

# The repository's Maven endpoint, in the form `aws codeartifact get-repository-endpoint --format maven` answers.
locals {
  codeartifact_maven_url = "https://${aws_codeartifact_domain.main.domain}-${data.aws_caller_identity.current.account_id}.d.codeartifact.${var.region}.${data.aws_partition.current.dns_suffix}/maven/${aws_codeartifact_repository.releases.repository}/"
}
