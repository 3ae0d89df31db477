#!/usr/bin/env bash
# Tools of the OpenAPI lint and the /docs browser test: @redocly/cli and playwright-core (npm, pinned, under
# target/tools/), driving Debian's chromium (apt-get when missing). Never downloads a browser of its own.
set -uo pipefail
cd "$(dirname "$0")/../.."
REDOCLY_VERSION=2.77.0
PLAYWRIGHT_VERSION=1.65.1

if ! command -v chromium >/dev/null; then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "setup: installing Debian's chromium ..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 \
      || echo "setup: could not install chromium; the /docs browser test will skip" >&2
  else
    echo "setup: chromium missing and apt-get unavailable (or not root); the /docs browser test will skip" >&2
  fi
fi

if ! command -v npm >/dev/null; then
  echo "setup: npm not found; the OpenAPI lint and the /docs browser test will skip (apt-get install npm)" >&2
  exit 0
fi
install() { # folder package version binary-or-module
  local dir="target/tools/$1"
  if [[ -e "$dir/node_modules/$4" ]] && grep -q "\"version\": \"$3\"" "$dir/node_modules/$2/package.json" 2>/dev/null; then
    return 0
  fi
  echo "setup: npm install $2@$3 into $dir ..." >&2
  mkdir -p "$dir"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent \
      --prefix . "$2@$3") >&2 || echo "setup: npm install $2@$3 failed; the tests that need it will skip" >&2
}
install redocly @redocly/cli "$REDOCLY_VERSION" .bin/redocly
install playwright playwright-core "$PLAYWRIGHT_VERSION" playwright-core/package.json
exit 0
