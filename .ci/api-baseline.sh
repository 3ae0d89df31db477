#!/usr/bin/env bash
# Records the public API of user-api-domain, user-api-application and user-api-embedded as the baseline that
# `mvn verify` compares them with (japicmp, api-baseline/README.md). Run it in the commit that changes the API on
# purpose, and after each release.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Djapicmp.skip=true -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  package -pl domain,application,embedded -am
for module in domain application embedded; do
  jar=$(ls "$module"/target/user-api-"$module"-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' -e '-tests\.jar$')
  cp "$jar" "api-baseline/user-api-$module.jar"
  echo "api-baseline: user-api-$module.jar <- $jar"
done
