#!/usr/bin/env bash
# s3rver, an S3-compatible server on Node.js, for the profile-image tests against real S3 wire traffic
# (bootstrap's ProfileImagesS3IT). Installed, pinned, into the git-ignored target/tools/s3rver.
set -uo pipefail
cd "$(dirname "$0")/../.."
version=3.7.1
dir=target/tools/s3rver
if [[ -x "$dir/node_modules/.bin/s3rver" ]] && grep -q "\"version\": \"$version\"" "$dir/node_modules/s3rver/package.json" 2>/dev/null; then
  exit 0
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup s3rver: node/npm not found (sudo apt-get install -y nodejs npm); the S3 round-trip tests will skip" >&2
  exit 0
fi
mkdir -p "$dir"
if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "s3rver@$version" >&2; then
  echo "setup s3rver: npm install s3rver@$version failed; the S3 round-trip tests will fail naming it" >&2
fi
exit 0
