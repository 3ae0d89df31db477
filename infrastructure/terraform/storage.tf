# Profile images: a private, encrypted bucket. Browsers upload and download with URLs the service presigns, so
# the bucket needs CORS for PUT/GET from the extension's origins and nothing public.

resource "aws_s3_bucket" "profile_images" {
  bucket_prefix = "${var.name}-profile-images-"
}

resource "aws_s3_bucket_public_access_block" "profile_images" {
  bucket                  = aws_s3_bucket.profile_images.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  rule {
    id     = "expire-replaced-images"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

resource "aws_s3_bucket_cors_configuration" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  cors_rule {
    allowed_methods = ["GET", "PUT"]
    allowed_origins = var.cors_allowed_origins
    allowed_headers = ["Content-Type"]
    max_age_seconds = 3000
  }
}

data "aws_iam_policy_document" "profile_images" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.profile_images.arn,
      "${aws_s3_bucket.profile_images.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id
  policy = data.aws_iam_policy_document.profile_images.json

  depends_on = [aws_s3_bucket_public_access_block.profile_images]
}
