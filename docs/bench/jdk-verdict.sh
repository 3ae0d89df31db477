#!/usr/bin/env bash
# jdk-verdict.sh - the steady-state verdict of JDK 25 against JDK 17 (issue 27): run-all.sh's read benchmark on each
# JDK, the two interleaved in one sitting (17, 25, 17, 25, ...: one run-all run each time, a fresh start of the same
# jar with infrastructure/jvm.options), then run-all's table per JDK over its rounds: medians with their spread.
#
#   docs/bench/jdk-verdict.sh                                     # defaults below
#   ROUNDS=2 ENDPOINTS="me friends" docs/bench/jdk-verdict.sh
#
# Steady state, so no start-up cache on either (CDS=0): the caches change the first seconds (cold-start.sh), not this.
# Environment (defaults in brackets); anything else run-all.sh reads is passed through (BENCH_DB, JAR, ...):
#   JDK17 [/usr/lib/jvm/java-17-openjdk-amd64]  JDK25 [/usr/lib/jvm/temurin-25-jdk-amd64]  ROUNDS [3]
#   CONNECTIONS_LIST [16]  PAIR_PING [0]  PGBENCH_DURATION [0]  CAPTURE [0]: the service's own figures only
#   RESULTS_DIR [target/bench/jdk-verdict/<date>-<time>]: jdk17/round-N and jdk25/round-N are run-all's folders
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"; JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
ROUNDS="${ROUNDS:-3}"
RESULTS_DIR="$(realpath -m "${RESULTS_DIR:-$REPO/target/bench/jdk-verdict/$(date +%Y%m%d-%H%M%S)}")"
export CONNECTIONS_LIST="${CONNECTIONS_LIST:-16}" PAIR_PING="${PAIR_PING:-0}" CDS=0
export PGBENCH_DURATION="${PGBENCH_DURATION:-0}" CAPTURE="${CAPTURE:-0}"
export JVM_ARGS_FILE="${JVM_ARGS_FILE:-$REPO/infrastructure/jvm.options}"
for jdk in "$JDK17" "$JDK25"; do
  [[ -x "$jdk/bin/java" ]] || { echo "jdk-verdict.sh: no JDK at $jdk (set JDK17 / JDK25)" >&2; exit 1; }
done

mkdir -p "$RESULTS_DIR"
for round in $(seq 1 "$ROUNDS"); do
  for version in 17 25; do
    home=$([[ $version == 17 ]] && echo "$JDK17" || echo "$JDK25")
    # JDK 24+ warns about the logging library's sun.misc.Unsafe without this flag (as the image's ENTRYPOINT).
    opts=$([[ $version == 25 ]] && echo "--sun-misc-unsafe-memory-access=allow" || true)
    echo "# round $round/$ROUNDS, JDK $version" >&2
    JAVA_HOME="$home" PATH="$home/bin:$PATH" JVM_OPTS="$opts${JVM_OPTS:+ $JVM_OPTS}" RUNS=1 \
      RESULTS_DIR="$RESULTS_DIR/jdk$version/round-$round" "$HERE/run-all.sh" > "$RESULTS_DIR/jdk$version-round-$round.log" 2>&1 \
      || { tail -20 "$RESULTS_DIR/jdk$version-round-$round.log" >&2; exit 1; }
  done
done

# run-all's table per JDK, over its rounds: each round's one run becomes run-N of one folder.
for version in 17 25; do
  all="$RESULTS_DIR/jdk$version/all"; mkdir -p "$all"
  for round in $(seq 1 "$ROUNDS"); do ln -sfn "../round-$round/run-1" "$all/run-$round"; done
  echo
  echo "## JDK $version ($("$([[ $version == 17 ]] && echo "$JDK17" || echo "$JDK25")/bin/java" -version 2>&1 | head -1))"
  python3 "$HERE/table.py" "$all"
done | tee "$RESULTS_DIR/summary.md"
echo "# results: $RESULTS_DIR"
