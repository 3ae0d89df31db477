#!/usr/bin/env bash
# profile.sh [ENDPOINT...] - JFR profiles of endpoints under load: for each endpoint, run-all.sh starts the service
# with a flight recording (settings=profile, after the JIT warm-up), loads only that endpoint with 16 connections,
# and jfr-summary.py turns the recording into OUT/<endpoint>.svg (flame graph) and OUT/<endpoint>.txt (hottest
# methods, packages, allocation sites).
#   OUT [docs/profiles/<date>]  DURATION [30s]  plus run-all.sh's variables (BENCH_DB, JAR, JVM_OPTS, ...)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$(realpath -m "${OUT:-$HERE/../profiles/$(date +%Y%m%d)}")"
mkdir -p "$OUT"
[[ $# -gt 0 ]] || set -- me check friends
for ep in "$@"; do
  rec="$OUT/$ep.jfr"
  rm -f "$rec"
  JVM_OPTS="${JVM_OPTS:-} -XX:StartFlightRecording=delay=20s,settings=profile,filename=$rec,dumponexit=true" \
    RUNS=1 CAPTURE=0 PAIR_PING=0 PGBENCH_DURATION=0 CONNECTIONS_LIST=16 DURATION="${DURATION:-30s}" ENDPOINTS="$ep" \
    RESULTS_DIR="$OUT/run-$ep" "$HERE/run-all.sh" | grep -E '^\[c16\] '"$ep"'|first /ping|peak' || true
  python3 "$HERE/jfr-summary.py" "$rec" "$OUT/$ep" "$ep under load, 16 connections ($(git -C "$HERE" rev-parse --short HEAD))"
  rm -rf "$OUT/run-$ep"
done
echo "# profiles in $OUT (the .jfr recordings too; keep only the .svg and .txt in the repository)"
