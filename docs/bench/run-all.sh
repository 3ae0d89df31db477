#!/usr/bin/env bash
# run-all.sh - the whole read benchmark in one command (issue 14): starts the service from the built jar on a bench
# database, captures the SQL each endpoint sends, runs the endpoints with the shared wrk harness at 16 and 64
# connections, runs pgbench on the captured statements, samples the service's RSS, and prints the table
#   endpoint | conns | req/s | ping req/s | its SQL, pgbench tps | L = 1/(1/ping + 1/sql) | req/s / L | p99 | errors
# plus peak RSS and the time to the first /ping, as medians of RUNS runs with their spread.
#
#   docs/bench/run-all.sh                       # defaults below
#   BENCH_DB=bench_merged RUNS=3 JVM_ARGS_FILE=infrastructure/jvm.options docs/bench/run-all.sh
#
# Environment (defaults in brackets):
#   BENCH_DB        database to run against [bench_100k_perf]; created from BENCH_TEMPLATE when missing. The
#                   service migrates it on start: never point it at a database shared with others.
#   BENCH_TEMPLATE  seeded database (../shared/bench seed.sql) copied when BENCH_DB is missing [pagenow_bench]
#   BENCH_HARNESS   the shared load harness (run-bench.sh, mint-token.py, serve-jwks.sh, keys/, seed.sql)
#                   [../shared/bench beside the repository, or /work/shared/bench]
#   JAR             the service [bootstrap/target/user-api.jar; build: mvn -q -B -DskipTests package -pl bootstrap -am]
#   JVM_ARGS_FILE   a Java argument file, passed as @FILE [none]
#   JVM_OPTS        more JVM flags, word-split [none]
#   CDS             1 = before the runs, record the classes a start loads (the JAR's class-archive-training with
#                   the JVM flags above, as the image does) into target/bench/<results dir name>.jsa and start the
#                   service with -XX:SharedArchiveFile; 0 = no archive [1]
#   RUNS [3]  CONNECTIONS_LIST ["16 64"]  DURATION [10s]  WARMUP [3s] (per endpoint, as run-bench.sh)
#   JIT_WARMUP      after each start, every endpoint is loaded this long once, unmeasured [5s]
#   ENDPOINTS       [ping me public friends mutual_count requests check]; each one's run comes right after a
#                   ping run at the same connection count (PAIR_PING=0: no ping runs), and pgbench on its
#                   statements right after both
#   PGBENCH_DURATION [10] (s; 0 = no pgbench) PGBENCH_WARMUP [3] (s) PGBENCH_CLIENTS [16]
#   CAPTURE         1 = capture the statements afresh from this build (log_statement = all on the capture run's
#                   own connections only); 0 = use docs/bench/pgbench/*.sql as kept [1]
#   POOL_SIZE       DATABASE_POOL_SIZE for the service [its default]
#   LOG_LEVEL       the service's log level; INFO writes the access log, as in production [INFO]
#   PORT [18400]  JWKS_PORT [18401]  DATA_DIR tokens and targets [target/bench/data-$BENCH_DB]
#   RESULTS_DIR     [target/bench/results/<date>-<time>]; the table is also written to RESULTS_DIR/summary.md
#   PGLOG           PostgreSQL's server log, read for the capture [/var/log/postgresql/postgresql-<major>-main.log]
# Any other variable the service reads (e.g. a rate limit setting) is passed through from this environment.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-bench}" PGPASSWORD="${PGPASSWORD:-bench}"
BENCH_DB="${BENCH_DB:-bench_100k_perf}"; BENCH_TEMPLATE="${BENCH_TEMPLATE:-pagenow_bench}"
JAR="$(realpath -m "${JAR:-$REPO/bootstrap/target/user-api.jar}")"
RUNS="${RUNS:-3}"; CONNECTIONS_LIST="${CONNECTIONS_LIST:-16 64}"; DURATION="${DURATION:-10s}"; WARMUP="${WARMUP:-3s}"
JIT_WARMUP="${JIT_WARMUP:-5s}"; ENDPOINTS="${ENDPOINTS:-ping me public friends mutual_count requests check}"
PGBENCH_DURATION="${PGBENCH_DURATION:-10}"; PGBENCH_WARMUP="${PGBENCH_WARMUP:-3}"; PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
CDS="${CDS:-1}"; CAPTURE="${CAPTURE:-1}"; PAIR_PING="${PAIR_PING:-1}"; LOG_LEVEL="${LOG_LEVEL:-INFO}"; PORT="${PORT:-18400}"; JWKS_PORT="${JWKS_PORT:-18401}"
DATA_DIR="$(realpath -m "${DATA_DIR:-$REPO/target/bench/data-$BENCH_DB}")"
RESULTS_DIR="$(realpath -m "${RESULTS_DIR:-$REPO/target/bench/results/$(date +%Y%m%d-%H%M%S)}")"
BASE="http://127.0.0.1:$PORT"

die() { echo "run-all.sh: $*" >&2; exit 1; }
if [[ -z "${BENCH_HARNESS:-}" ]]; then
  for candidate in "$REPO/../shared/bench" "$REPO/../../shared/bench" /work/shared/bench; do
    [[ -x "$candidate/run-bench.sh" ]] && { BENCH_HARNESS="$candidate"; break; }
  done
fi
[[ -n "${BENCH_HARNESS:-}" && -x "$BENCH_HARNESS/run-bench.sh" ]] \
  || die "set BENCH_HARNESS to the shared load harness (the folder with run-bench.sh, mint-token.py, keys/)"
BENCH_HARNESS="$(realpath "$BENCH_HARNESS")"
for tool in java wrk psql curl python3; do command -v "$tool" >/dev/null || die "$tool not found"; done
[[ -f "$JAR" ]] || die "no $JAR; build it: mvn -q -B -DskipTests package -pl bootstrap -am"
JVM_ARGS=()
[[ -n "${JVM_ARGS_FILE:-}" ]] && { [[ -f "$JVM_ARGS_FILE" ]] || die "no $JVM_ARGS_FILE"; JVM_ARGS+=("@$(realpath "$JVM_ARGS_FILE")"); }
# shellcheck disable=SC2206
[[ -n "${JVM_OPTS:-}" ]] && JVM_ARGS+=($JVM_OPTS)
MAJOR=$(psql -d postgres -XAtc "select current_setting('server_version_num')::int / 10000")
PGBENCH="${PGBENCH:-/usr/lib/postgresql/$MAJOR/bin/pgbench}"; [[ -x "$PGBENCH" ]] || PGBENCH="$(command -v pgbench)"
PGLOG="${PGLOG:-/var/log/postgresql/postgresql-$MAJOR-main.log}"
mkdir -p "$RESULTS_DIR" "$DATA_DIR"
if [[ "$CDS" == 1 ]]; then
  # Outside RESULTS_DIR, which may be kept in docs/: the archive is some 90 MB.
  ARCHIVE="$REPO/target/bench/$(basename "$RESULTS_DIR").jsa"; rm -f "$ARCHIVE"
  echo "# class archive: training $JAR into $ARCHIVE" >&2
  java "${JVM_ARGS[@]}" -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" class-archive-training \
    > "$RESULTS_DIR/cds-training.log" 2>&1 || { tail -20 "$RESULTS_DIR/cds-training.log" >&2; die "class archive training failed"; }
  [[ -s "$ARCHIVE" ]] || die "the training wrote no $ARCHIVE (log: $RESULTS_DIR/cds-training.log)"
  JVM_ARGS+=(-XX:SharedArchiveFile="$ARCHIVE")
fi

# --- the database and the data --------------------------------------------------------------------------------------
if [[ -z "$(psql -d postgres -XAtc "select 1 from pg_database where datname = '$BENCH_DB'")" ]]; then
  echo "# creating $BENCH_DB from $BENCH_TEMPLATE"
  psql -d postgres -Xqc "CREATE DATABASE \"$BENCH_DB\" TEMPLATE \"$BENCH_TEMPLATE\"" \
    || die "could not copy $BENCH_TEMPLATE (it must exist and have no open connections)"
fi
USERS=$(psql -d "$BENCH_DB" -XAtc "select count(*) from user_table")
if [[ ! -s "$DATA_DIR/tokens.tsv" || ! -s "$DATA_DIR/targets.txt" ]]; then
  echo "# minting 2,000 caller tokens and 20,000 target ids into $DATA_DIR (as ../shared/bench/README.md step 3)"
  psql -d "$BENCH_DB" -XAtF $'\t' -c "select user_id, email from user_table order by md5(user_id) limit 2000" > "$DATA_DIR/ids.tsv"
  "$BENCH_HARNESS/mint-token.py" --batch "$DATA_DIR/ids.tsv" --ttl 2592000 --out "$DATA_DIR/tokens.tsv" >/dev/null
  psql -d "$BENCH_DB" -XAt -c "select user_id from user_table order by md5('target:'||user_id) limit 20000" > "$DATA_DIR/targets.txt"
fi
TOKENS="$DATA_DIR/tokens.tsv"; TARGETS="$DATA_DIR/targets.txt"

# --- the JWKS, the service ------------------------------------------------------------------------------------------
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
"$BENCH_HARNESS/serve-jwks.sh" "$JWKS_PORT" > "$RESULTS_DIR/jwks.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$JWKS_PORT/jwks.json" >/dev/null && break; sleep 0.1; done

SERVICE_PID=""
start_service() {  # start_service LOGFILE [JDBC query string]; sets SERVICE_PID and FIRST_PING_MS
  local log=$1 query=${2:-} t0 t1
  curl -s -o /dev/null "$BASE/ping" 2>/dev/null && die "something already answers on port $PORT"
  t0=$(date +%s%N)
  DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$BENCH_DB$query" \
  COGNITO_REGION=us-west-2 COGNITO_POOL_ID=us-west-2_BENCH COGNITO_APP_CLIENT_IDS=bench-client \
  COGNITO_ISSUER=https://cognito-idp.us-west-2.amazonaws.com/us-west-2_BENCH \
  COGNITO_JWKS_URL="http://127.0.0.1:$JWKS_PORT/.well-known/jwks.json" HOST=127.0.0.1 PORT="$PORT" \
  PROFILE_IMAGE_BUCKET_NAME="${PROFILE_IMAGE_BUCKET_NAME:-bench-images}" AWS_REGION_NAME="${AWS_REGION_NAME:-us-west-2}" \
  LOG_LEVEL="$LOG_LEVEL" ${POOL_SIZE:+DATABASE_POOL_SIZE=$POOL_SIZE} \
    java "${JVM_ARGS[@]}" -jar "$JAR" > "$log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID")
  for _ in $(seq 1 15000); do   # migrations of a fresh copy can take minutes
    if curl -s -o /dev/null -m 1 "$BASE/ping" 2>/dev/null; then
      t1=$(date +%s%N); FIRST_PING_MS=$(( (t1 - t0) / 1000000 )); return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$log" >&2; die "the service exited during start (log: $log)"; }
    sleep 0.02
  done
  die "no answer on $BASE/ping (log: $log)"
}
stop_service() {
  kill -TERM "$SERVICE_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
}
SAMPLER_PID=""
start_sampler() {  # the service's resident set, every 0.2 s, to FILE (kB)
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do
      awk '/^VmRSS/ {print $2}' "/proc/$SERVICE_PID/status" 2>/dev/null || true; sleep 0.2
    done ) > "$1" &
  SAMPLER_PID=$!
}
caller_and_target() {
  IFS=$'\t' read -r CALLER TOKEN < "$TOKENS"
  # a target other than the caller, with accepted friends (so friends and mutual_count read something)
  TARGET=$(psql -d "$BENCH_DB" -XAtc "select user_id1 from friendship_table where accepted_at is not null
             and user_id1 <> '$CALLER' and user_id2 <> '$CALLER' order by user_id1 limit 1")
}
declare -A PATHS=([ping]=/ping [me]=/users/me [public]=/users/id/{t} [friends]="/users/id/{t}/friends?limit=15"
  [mutual_count]=/users/id/{t}/mutual-friends/count [requests]=/friendship/requests [check]=/friendship/check/{t}
  [search_name]="/users/search/name/jam?limit=15" [search_email]="/users/search/email/jam?limit=15"
  [suggestions]="/users/me/suggestions?limit=10" [relationships]="/friendship/relationships?ids={t}")

{
  echo "# $(date -Is)  scripts at commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- . 2>/dev/null || echo '+changes')"
  echo "# uptime: $(uptime)"
  "$HERE/scheduler-note.sh"
  echo "# jar: $JAR ($(stat -c %y "$JAR" | cut -d. -f1))"
  echo "# JVM flags: ${JVM_ARGS[*]:-(none)}${JVM_ARGS_FILE:+  [$JVM_ARGS_FILE: $(grep -v '^#' "$JVM_ARGS_FILE" | tr '\n' ' ')]}"
  echo "# database: $BENCH_DB ($USERS users)  pool: ${POOL_SIZE:-default}  log level: $LOG_LEVEL"
  echo "# wrk: $RUNS run(s) x connections {$CONNECTIONS_LIST}, $DURATION after $WARMUP per endpoint; pgbench -M prepared -c $PGBENCH_CLIENTS -j 1 -T $PGBENCH_DURATION"
} | tee "$RESULTS_DIR/header.txt"

# --- capture the statements of each endpoint ------------------------------------------------------------------------
SCRIPTS="$RESULTS_DIR/pgbench"; mkdir -p "$SCRIPTS"
caller_and_target
if [[ "$CAPTURE" == 1 ]]; then
  [[ -r "$PGLOG" ]] || die "cannot read PostgreSQL's log $PGLOG (set PGLOG, or CAPTURE=0 to use docs/bench/pgbench/)"
  echo "# capture: caller $CALLER, target $TARGET (statement log of this run's own connections: $PGLOG)"
  start_service "$RESULTS_DIR/service-capture.log" "?options=-c%20log_statement%3Dall"
  for ep in $ENDPOINTS; do
    path=${PATHS[$ep]//\{t\}/$TARGET}
    offset=$(stat -c %s "$PGLOG")
    code=$(curl -s -o "$RESULTS_DIR/capture-$ep.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
    [[ "$code" == 200 ]] || die "GET $path answered $code: $(head -c 300 "$RESULTS_DIR/capture-$ep.json")"
    sleep 0.3
    [[ "$ep" == ping ]] && continue
    n=$(python3 "$HERE/capture.py" "$PGLOG" "$offset" "$BENCH_DB" "$PGUSER" "$CALLER" "$TARGET" \
          "GET ${PATHS[$ep]//\{t\}/\{id\}}" "$SCRIPTS/$ep.sql") || { echo "#   $ep: no statement captured" >&2; continue; }
    kept="$HERE/pgbench/$ep.sql"
    if [[ ! -f "$kept" ]]; then note="new (not in docs/bench/pgbench/)"
    elif cmp -s "$kept" "$SCRIPTS/$ep.sql"; then note="same as docs/bench/pgbench/$ep.sql"
    else note="DIFFERS from docs/bench/pgbench/$ep.sql (the code changed its SQL; copy it there to keep it)"; fi
    printf '#   %-13s %s statement(s), %s\n' "$ep" "$n" "$note"
  done
  stop_service
else
  cp "$HERE"/pgbench/*.sql "$SCRIPTS/"
fi

# --- the runs -------------------------------------------------------------------------------------------------------
for run in $(seq 1 "$RUNS"); do
  RUN_DIR="$RESULTS_DIR/run-$run"; mkdir -p "$RUN_DIR"
  start_service "$RUN_DIR/service.log"
  echo "## run $run/$RUNS: first /ping ${FIRST_PING_MS} ms after start; $(uptime | sed 's/.*load/load/')"
  start_sampler "$RUN_DIR/rss-kb.txt"
  [[ "$JIT_WARMUP" != 0 ]] && WAIT_IDLE_DB="$BENCH_DB" SMOKE=0 CONNECTIONS=16 DURATION="$JIT_WARMUP" WARMUP=1s \
    TARGETS_FILE="$TARGETS" ENDPOINTS="$ENDPOINTS" RESULTS_DIR="$RUN_DIR/jit-warmup" \
    "$BENCH_HARNESS/run-bench.sh" "$BASE" "$TOKENS" > "$RUN_DIR/jit-warmup.txt" 2>&1
  # Each endpoint right after a ping run at the same connection count, then pgbench on its statements: on a shared
  # machine the load of the neighbours drifts, so the three figures of one ratio are taken minutes apart at most.
  for ep in $ENDPOINTS; do
    [[ "$ep" == ping ]] && continue
    for c in $CONNECTIONS_LIST; do
      WAIT_IDLE_DB="$BENCH_DB" SMOKE=0 CONNECTIONS="$c" DURATION="$DURATION" WARMUP="$WARMUP" TARGETS_FILE="$TARGETS" \
        ENDPOINTS="$([[ "$PAIR_PING" == 1 ]] && echo ping) $ep" LABEL="run$run-c$c-$ep" RESULTS_DIR="$RUN_DIR/c$c" \
        "$BENCH_HARNESS/run-bench.sh" "$BASE" "$TOKENS" | { grep -v '^# \|^endpoint' || true; } | sed "s/^/[c$c] /"
    done
    f="$SCRIPTS/$ep.sql"; [[ -f "$f" && "$PGBENCH_DURATION" != 0 ]] || continue
    [[ -f "$RUN_DIR/pgbench.tsv" ]] || printf 'script\ttps\tlat_ms\tfailed\n' > "$RUN_DIR/pgbench.tsv"
    common=(-n -M prepared -c "$PGBENCH_CLIENTS" -j 1 -D users="$USERS" -f "$f" "$BENCH_DB")
    "$PGBENCH" -T "$PGBENCH_WARMUP" "${common[@]}" > /dev/null 2>&1 || true
    out=$("$PGBENCH" -T "$PGBENCH_DURATION" "${common[@]}" 2>&1) || { echo "$out" >&2; die "pgbench failed on $f"; }
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<< "$out" | head -1)
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<< "$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<< "$out")
    printf '%s\t%s\t%s\t%s\n' "$ep" "$tps" "$lat" "${failed:-0}" >> "$RUN_DIR/pgbench.tsv"
    printf '[pgbench] %-13s %10.0f tps %8s ms\n' "$ep" "$tps" "$lat"
  done
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVICE_PID/status")
  stop_service
  wait "$SAMPLER_PID" 2>/dev/null || true
  peak=$(sort -n "$RUN_DIR/rss-kb.txt" | tail -1)
  printf 'first_ping_ms\t%s\npeak_rss_kb\t%s\nvmhwm_kb\t%s\nlog_bytes\t%s\n' "$FIRST_PING_MS" "${peak:-0}" "${hwm:-0}" \
    "$(stat -c %s "$RUN_DIR/service.log")" > "$RUN_DIR/meta.tsv"
  echo "[rss] peak $(( ${peak:-0} / 1024 )) MiB sampled, VmHWM $(( ${hwm:-0} / 1024 )) MiB; service output $(( $(stat -c %s "$RUN_DIR/service.log") / 1024 )) KiB"
done

echo
{ cat "$RESULTS_DIR/header.txt"; echo; python3 "$HERE/table.py" "$RESULTS_DIR"; } | tee "$RESULTS_DIR/summary.md"
echo "# results: $RESULTS_DIR"
