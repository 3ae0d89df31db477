#!/usr/bin/env bash
# cognito-local, a Cognito user-pool emulator on Node.js, for the account-deletion tests that delete the Cognito
# user through the AWS SDK (bootstrap's AccountCleanupCognitoIT). Installed, pinned, into the git-ignored
# target/tools/cognito-local. Its default config makes every pool want e-mail user names; the tests write
# .cognito/config.json {"UserPoolDefaults":{"UsernameAttributes":[]}} in the working directory they start it in.
set -uo pipefail
cd "$(dirname "$0")/../.."
version=5.3.0
dir=target/tools/cognito-local
if [[ -x "$dir/node_modules/.bin/cognito-local" ]] \
    && grep -q "\"version\": \"$version\"" "$dir/node_modules/cognito-local/package.json" 2>/dev/null; then
  exit 0
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup cognito-local: node/npm not found (sudo apt-get install -y nodejs npm); the Cognito deletion tests will skip" >&2
  exit 0
fi
mkdir -p "$dir"
if ! npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "cognito-local@$version" >&2; then
  echo "setup cognito-local: npm install cognito-local@$version failed; the Cognito deletion tests will fail naming it" >&2
fi
exit 0
