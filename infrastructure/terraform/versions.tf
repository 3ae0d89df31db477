terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # State: configure a backend for your account at init time, e.g.
  #   terraform init -backend-config="bucket=my-tf-state" -backend-config="key=user-api/terraform.tfstate" \
  #     -backend-config="region=us-west-2" -backend-config="use_lockfile=true"
  # (see ../README.md). Left partial so that nothing here is specific to one AWS account.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = merge({ Service = var.name, ManagedBy = "terraform" }, var.tags)
  }
}
