# Profile images: a private, encrypted bucket. Browsers upload and download with URLs the service presigns, so
# the bucket needs CORS for PUT/GET from the clients' origins and nothing public.

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

# Object ownership: BucketOwnerPreferred, because the web client's PUT carries `x-amz-acl: private` (the presigned
# URL is signed with it, and that client cannot change).
# - AWS (S3 API reference, PutObject, x-amz-acl): a bucket with the bucket owner enforced setting "only accept[s]
#   PUT requests that don't specify an ACL or PUT requests that specify bucket owner full control ACLs, such as
#   the bucket-owner-full-control canned ACL"; others "fail and return a 400 error with the error code
#   AccessControlListNotSupported". `private` is not in that list, so BucketOwnerEnforced risks refusing every
#   upload.
# - With BucketOwnerPreferred, ACLs are accepted. The uploads are presigned by the task role, of the bucket
#   owner's own account, so the bucket owner owns every object whatever the ACL, and `private` grants nobody else
#   anything. The public access block below (block_public_acls, ignore_public_acls) refuses or ignores any
#   public ACL, so enabling ACLs opens nothing.
resource "aws_s3_bucket_ownership_controls" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id

  rule {
    object_ownership = "BucketOwnerPreferred"
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
    # A replaced or deleted image stays as a noncurrent version for a day at most: one user's repeated uploads
    # cannot pile up (issue 29), while a mistaken overwrite can still be undone the same day.
    id     = "expire-replaced-images"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 1
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
    # Exactly the headers the presigned PUT is signed with (X-Amz-SignedHeaders: content-type;host;x-amz-acl;
    # host is the browser's own), so the browser's preflight for the web client's PUT passes.
    allowed_headers = ["Content-Type", "x-amz-acl"]
    max_age_seconds = 3000
  }
}

resource "aws_s3_bucket_policy" "profile_images" {
  bucket = aws_s3_bucket.profile_images.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = ["s3:*"]
      Resource  = [aws_s3_bucket.profile_images.arn, "${aws_s3_bucket.profile_images.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.profile_images]
}
