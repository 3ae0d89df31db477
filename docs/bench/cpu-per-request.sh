#!/usr/bin/env bash
# cpu-per-request.sh ENDPOINT [SECONDS] - where the CPU of one request goes, against a service already running:
# runs the shared harness's wrk script on ENDPOINT for SECONDS (8) at CONNECTIONS (16) and prints, per request, in
# microseconds of one core: the machine's user, kernel, idle and steal time, the JVM's user and system time,
# PostgreSQL's (all its processes), and context switches. With ENDPOINT "pgbench:FILE" it runs
# pgbench -M prepared -c CONNECTIONS -j 1 on FILE instead (the service is not needed), so that a request can be set
# beside "one ping plus one statement" (issue 14).
#   BASE [http://127.0.0.1:18400]  DATA_DIR (tokens.tsv, targets.txt) [target/bench/data-$BENCH_DB]
#   BENCH_DB [bench_100k_perf]  BENCH_HARNESS [../shared/bench]  JVM_PID [the one java -jar process]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; REPO="$(cd "$HERE/../.." && pwd)"
EP=$1; SECONDS_RUN=${2:-8}; CONNECTIONS=${CONNECTIONS:-16}; BASE=${BASE:-http://127.0.0.1:18400}
BENCH_DB=${BENCH_DB:-bench_100k_perf}; DATA_DIR=${DATA_DIR:-$REPO/target/bench/data-$BENCH_DB}
BENCH_HARNESS=${BENCH_HARNESS:-$REPO/../shared/bench}
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-bench}" PGPASSWORD="${PGPASSWORD:-bench}"
stat_line() { awk '/^cpu / {print $2+$3, $4+$7+$8, $5+$6, $9}' /proc/stat; }
ctxt() { awk '/^ctxt/ {print $2}' /proc/stat; }
ticks() { local t=0 v; for p in "$@"; do v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || true); t=$((t + ${v:-0})); done; echo "$t"; }
jvm() { [[ -n "$JVM_PID" ]] && awk '{print $14, $15}' "/proc/$JVM_PID/stat" || echo "0 0"; }
JVM_PID=${JVM_PID:-$(pgrep -f 'java.* -jar ' | head -1 || true)}
read -r u0 k0 i0 s0 < <(stat_line); read -r ju0 js0 < <(jvm); g0=$(ticks $(pgrep -u postgres)); c0=$(ctxt)
if [[ "$EP" == pgbench:* ]]; then
  users=$(psql -d "$BENCH_DB" -XAtc "select count(*) from user_table")
  out=$(pgbench -n -M prepared -c "$CONNECTIONS" -j 1 -T "$SECONDS_RUN" -D users="$users" -f "${EP#pgbench:}" "$BENCH_DB" 2>&1)
  n=$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' <<< "$out")
else
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s "$BENCH_HARNESS/lua/bench.lua" "$BASE" -- "$EP" \
        "$DATA_DIR/tokens.tsv" "$DATA_DIR/targets.txt" "$DATA_DIR/targets.txt" 2>&1)
  n=$(awk '/^RESULT/ {print $8}' <<< "$out")
fi
read -r u1 k1 i1 s1 < <(stat_line); read -r ju1 js1 < <(jvm); g1=$(ticks $(pgrep -u postgres)); c1=$(ctxt)
[[ -n "$n" && "$n" -gt 0 ]] || { echo "cpu-per-request.sh: no requests counted: $out" >&2; exit 1; }
python3 - "$EP" "$n" "$SECONDS_RUN" $((u1-u0)) $((k1-k0)) $((i1-i0)) $((s1-s0)) $((ju1-ju0)) $((js1-js0)) $((g1-g0)) $((c1-c0)) <<'PY'
import sys
ep, n, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
user, kernel, idle, steal, jvm_user, jvm_sys, pg, ctx = map(int, sys.argv[4:])
us = lambda ticks: ticks * 10000 / n   # 1 tick = 10 ms of one core
# pgbench's backends exit with its connections, taking their CPU counters along: only the machine's figures count.
own = "(pgbench: see the machine's figures)" if ep.startswith("pgbench:") else \
    f"JVM user {us(jvm_user):5.1f} sys {us(jvm_sys):5.1f} | PostgreSQL {us(pg):5.1f}"
print(f"{ep:12s} {n / secs:8.0f}/s  per request, core-us: machine user {us(user):5.1f} kernel {us(kernel):5.1f} "
      f"idle {us(idle):5.1f} steal {us(steal):4.1f} | {own} | context switches {ctx / n:4.1f}")
PY
