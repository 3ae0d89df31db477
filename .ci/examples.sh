#!/usr/bin/env bash
# Builds the examples the way a consumer builds them: publishes user-api (as release $VERSION) to a file repository
# under target/examples/, then builds and tests each project under examples/ against that repository alone, with a
# local repository of its own (target/examples/m2, from which every com.pagenow artifact is removed first, so
# only the published ones can be found). Third-party artifacts come first from the local repository the build itself
# used (USER_API_EXAMPLES_THIRD_PARTY, ~/.m2/repository by default), read as a file repository after the published
# one, so that the examples need no download the build did not already make; then from Maven Central. Both are kept
# between runs.
# Then, when Temurin 25 is installed, the tests of domain and application (unless USER_API_EXAMPLES_LIBRARY_TESTS=0,
# as ./run-tests sets, which runs the whole suite on JDK 25 itself) and the examples again on JDK 25.
# Exits non-zero when any of it fails. Called by ./run-tests; runs alone as well.
set -uo pipefail
cd "$(dirname "$0")/.."

VERSION=${USER_API_EXAMPLES_VERSION:-0.0.0-examples}
JDK25=${USER_API_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$PWD/target/examples
repo=$work/repo
m2=$work/m2
third_party=${USER_API_EXAMPLES_THIRD_PARTY:-$HOME/.m2/repository}
mkdir -p "$work"
rm -rf "$repo" "$m2/com/pagenow"
third_party_repository() { # element name; nothing when there is no such directory
  [[ -d $third_party ]] || return 0
  printf '        <%s>\n          <id>third-party-seen-by-the-build</id>\n          <url>file://%s</url>\n          <snapshots><enabled>false</enabled></snapshots>\n        </%s>\n' "$1" "$third_party" "$1"
}
cat >"$work/settings.xml" <<SETTINGS
<settings>
  <profiles>
    <profile>
      <id>user-api</id>
      <repositories>
        <repository>
          <id>user-api-releases</id>
          <url>file://$repo</url>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
$(third_party_repository repository)
      </repositories>
      <pluginRepositories>
$(third_party_repository pluginRepository)
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>user-api</activeProfile>
  </activeProfiles>
</settings>
SETTINGS

failed=0
step() { # name, log, command...
  local name=$1 log=$2; shift 2
  local started=$SECONDS
  if "$@" >"$log" 2>&1; then
    echo "examples: $name: ok ($((SECONDS - started)) s)"
  else
    echo "examples: $name: FAILED ($((SECONDS - started)) s), see $log" >&2
    tail -40 "$log" >&2
    failed=1
  fi
}

step "publish user-api $VERSION to $repo" "$work/publish.log" \
  mvn -B -Drevision="$VERSION" -DskipTests deploy -DaltDeploymentRepository="release::default::file://$repo"

run_examples() { # label, then environment assignments for env
  local label=$1; shift
  for example in examples/*/; do
    name=$(basename "$example")
    step "$name ($label)" "$work/$name-$label.log" env "$@" \
      mvn -B -f "$example/pom.xml" -s "$work/settings.xml" -Dmaven.repo.local="$m2" \
        -Duser-api.version="$VERSION" clean verify
  done
}

if [[ $failed -eq 0 ]]; then
  run_examples jdk17
fi

if [[ -x "$JDK25/bin/java" ]]; then
  [[ ${USER_API_EXAMPLES_LIBRARY_TESTS:-1} == 1 ]] && step "domain and application tests (JDK 25)" "$work/jdk25-tests.log" env JAVA_HOME="$JDK25" \
    mvn -B -pl domain,application -Djapicmp.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true test
  [[ $failed -eq 0 ]] && run_examples jdk25 JAVA_HOME="$JDK25"
else
  echo "examples: JDK 25 is absent ($JDK25/bin/java not found): skipping the domain, application and example tests on JDK 25" >&2
fi
exit "$failed"
