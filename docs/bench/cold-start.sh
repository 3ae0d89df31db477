#!/usr/bin/env bash
# cold-start.sh - how fast a fresh JVM serves (issue 27): for each start-up cache configuration, interleaved in one
# sitting, start the service, time the first /ping, then load ONE endpoint at 16 connections for 10 s with no warm-up
# at all (the shared harness's lua script), and stop. Prints one line per start and writes RESULTS_DIR/results.tsv.
#
#   docs/bench/cold-start.sh                                  # defaults below
#   CONFIGS="jdk25-aot jdk17-cds" ENDPOINTS=relationships ROUNDS=3 docs/bench/cold-start.sh
#   # two builds side by side, warm (WARMUP of load first, unmeasured):
#   JARS="before=/tmp/before.jar after=bootstrap/target/user-api.jar" CONFIGS=jdk25-aot WARMUP=10s \
#     ENDPOINTS="relationships suggestions mutual_count" docs/bench/cold-start.sh
#
# Configurations (each with infrastructure/jvm.options, as the image):
#   jdk25-aot   JDK 25 + the AOT cache trained by the jar's class-archive-training (JEP 514/515), as the image
#   jdk25-none  JDK 25, no cache of its own (the JDK's default class archive only)
#   jdk17-cds   JDK 17 + the class archive of class-archive-training, as ./user-api on 17
#   jdk17-none  JDK 17, no archive of its own
# Environment (defaults in brackets):
#   BENCH_DB [pagenow_bench_1m] (seeded with docs/bench/harness/seed.sql, users=1000000, migrated by a first start)
#   JAR [bootstrap/target/user-api.jar]  JDK25 [/usr/lib/jvm/temurin-25-jdk-amd64]  JDK17 [java on PATH]
#   CONFIGS ["jdk25-aot jdk17-cds jdk17-none"]  ENDPOINTS ["search_name friends suggestions mutual_count relationships"]
#   ROUNDS [2]  DURATION [10s]  CONNECTIONS [16]  PORT [18500]  JWKS_PORT [18501]
#   WARMUP [0s]: load before the measured DURATION, unmeasured (0s: none, the cold round)
#   JARS ["current=$JAR"]: label=jar pairs, each started in every configuration (caches trained per jar)
#   TRAIN [1]: 0 = reuse the caches an earlier run trained (target/bench/cold-start-caches/<label>.aot|.jsa)
#   DATABASE_CONNECT_TIMEOUT [10s]: the service's, longer than its default for a busy machine
#   RESULTS_DIR [target/bench/cold-start/<date>-<time>]  DATA_DIR tokens and targets [target/bench/data-$BENCH_DB]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
HARNESS="$HERE/harness"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-bench}" PGPASSWORD="${PGPASSWORD:-bench}"
BENCH_DB="${BENCH_DB:-pagenow_bench_1m}"
JAR="$(realpath -m "${JAR:-$REPO/bootstrap/target/user-api.jar}")"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"; JAVA17="${JDK17:+$JDK17/bin/}java"
CONFIGS="${CONFIGS:-jdk25-aot jdk17-cds jdk17-none}"
ENDPOINTS="${ENDPOINTS:-search_name friends suggestions mutual_count relationships}"
ROUNDS="${ROUNDS:-2}"; DURATION="${DURATION:-10s}"; CONNECTIONS="${CONNECTIONS:-16}"; WARMUP="${WARMUP:-0s}"
JARS="${JARS:-current=$JAR}"
PORT="${PORT:-18500}"; JWKS_PORT="${JWKS_PORT:-18501}"; BASE="http://127.0.0.1:$PORT"
RESULTS_DIR="$(realpath -m "${RESULTS_DIR:-$REPO/target/bench/cold-start/$(date +%Y%m%d-%H%M%S)}")"
DATA_DIR="$(realpath -m "${DATA_DIR:-$REPO/target/bench/data-$BENCH_DB}")"
OPTIONS="$REPO/infrastructure/jvm.options"
die() { echo "cold-start.sh: $*" >&2; exit 1; }
for tool in wrk psql curl python3 openssl; do command -v "$tool" >/dev/null || die "$tool not found"; done
for pair in $JARS; do [[ -f "${pair#*=}" ]] || die "no ${pair#*=}; build it: mvn -q -B -DskipTests package -pl bootstrap -am"; done
mkdir -p "$RESULTS_DIR" "$DATA_DIR"
CACHES="$REPO/target/bench/cold-start-caches"; mkdir -p "$CACHES"

# --- caches, trained as the image and ./user-api train them ----------------------------------------------------------
java_of() { case $1 in jdk25-*) echo "$JDK25/bin/java" ;; *) echo "$JAVA17" ;; esac; }
flags_of() {  # the JVM flags of a configuration, one a line
  echo "@$OPTIONS"
  case $1 in
    jdk25-*) echo "--sun-misc-unsafe-memory-access=allow" ;;
  esac
  case $1 in
    jdk25-aot) echo "-XX:AOTCache=$CACHES/$2.aot"; echo "-Xlog:aot*=off:stderr" ;;
    jdk17-cds) echo "-XX:SharedArchiveFile=$CACHES/$2.jsa" ;;
  esac
}
for pair in $JARS; do
  [[ "${TRAIN:-1}" == 1 ]] || break
  label=${pair%%=*}; jar=$(realpath "${pair#*=}")
  for config in $CONFIGS; do
    case $config in
      jdk25-aot) rm -f "$CACHES/$label.aot"; train=(--sun-misc-unsafe-memory-access=allow -XX:MaxMetaspaceSize=256m
                        -XX:AOTCacheOutput="$CACHES/$label.aot") ;;
      jdk17-cds) rm -f "$CACHES/$label.jsa"; train=(-XX:ArchiveClassesAtExit="$CACHES/$label.jsa") ;;
      jdk25-none|jdk17-none) continue ;;
      *) die "unknown configuration $config" ;;
    esac
    echo "# training $label $config" >&2
    "$(java_of "$config")" "@$OPTIONS" "${train[@]}" -jar "$jar" class-archive-training \
      > "$RESULTS_DIR/training-$label-$config.log" 2>&1 || die "training failed: $RESULTS_DIR/training-$label-$config.log"
  done
done

# --- tokens and targets, the JWKS ------------------------------------------------------------------------------------
[[ -f "$HARNESS/keys/private.pem" ]] || (cd "$HARNESS" && ./make-keys.sh >/dev/null)
if [[ ! -s "$DATA_DIR/tokens.tsv" || ! -s "$DATA_DIR/targets.txt" ]]; then
  psql -d "$BENCH_DB" -XAtF $'\t' -c "select user_id, email from user_table order by md5(user_id) limit 2000" > "$DATA_DIR/ids.tsv"
  "$HARNESS/mint-token.py" --batch "$DATA_DIR/ids.tsv" --ttl 2592000 --out "$DATA_DIR/tokens.tsv" >/dev/null
  psql -d "$BENCH_DB" -XAt -c "select user_id from user_table order by md5('target:'||user_id) limit 20000" > "$DATA_DIR/targets.txt"
fi
NAMES="$RESULTS_DIR/first-names.txt"
python3 - "$HARNESS/seed.sql" > "$NAMES" <<'EOF'
import re, sys
m = re.search(r"ARRAY\[([^\]]*)\]\s+AS first_names", open(sys.argv[1]).read())
print("\n".join(re.findall(r"'([^']+)'", m.group(1))))
EOF
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
"$HARNESS/serve-jwks.sh" "$JWKS_PORT" > "$RESULTS_DIR/jwks.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$JWKS_PORT/jwks.json" >/dev/null && break; sleep 0.1; done

# --- the starts --------------------------------------------------------------------------------------------------------
TSV="$RESULTS_DIR/results.tsv"
printf 'round\tjar\tconfig\tendpoint\tfirst_ping_ms\treq_s\tp50_ms\tp99_ms\tnon2xx\tsock_err\n' > "$TSV"
printf '# %s  %s  first /ping, then wrk -c%s -d%s after %s of unmeasured load\n' "$(date -Is)" "$JARS" "$CONNECTIONS" \
  "$DURATION" "$WARMUP"
"$HERE/scheduler-note.sh"
printf '%-5s %-8s %-11s %-13s %9s %8s %8s %8s %6s\n' round jar config endpoint ping_ms req/s p50_ms p99_ms errors
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in $ENDPOINTS; do
    for pair in $JARS; do
    label=${pair%%=*}; JAR=$(realpath "${pair#*=}")
    for config in $CONFIGS; do
      curl -s -o /dev/null "$BASE/ping" 2>/dev/null && die "something already answers on port $PORT"
      mapfile -t flags < <(flags_of "$config" "$label")
      run="$round-$endpoint-$label-$config"; log="$RESULTS_DIR/service-$run.log"
      t0=$(date +%s%N)
      DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$BENCH_DB" DATABASE_MIGRATE=false \
      DATABASE_CONNECT_TIMEOUT="${DATABASE_CONNECT_TIMEOUT:-10s}" \
      COGNITO_REGION=us-west-2 COGNITO_POOL_ID=us-west-2_BENCH COGNITO_APP_CLIENT_IDS=bench-client \
      COGNITO_ISSUER=https://cognito-idp.us-west-2.amazonaws.com/us-west-2_BENCH \
      COGNITO_JWKS_URL="http://127.0.0.1:$JWKS_PORT/.well-known/jwks.json" HOST=127.0.0.1 PORT="$PORT" \
      PROFILE_IMAGE_BUCKET_NAME=bench-images AWS_REGION_NAME=us-west-2 MALLOC_ARENA_MAX=2 \
        "$(java_of "$config")" "${flags[@]}" -jar "$JAR" > "$log" 2>&1 &
      pid=$!; PIDS+=("$pid")
      ping_ms=""
      for _ in $(seq 1 3000); do
        if curl -s -o /dev/null -m 1 "$BASE/ping" 2>/dev/null; then ping_ms=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.01
      done
      if [[ -z "$ping_ms" ]]; then  # recorded, and on to the next start
        kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
        printf '%-5s %-8s %-11s %-13s  failed to start: %s\n' "$round" "$label" "$config" "$endpoint" "$(tail -1 "$log")"
        continue
      fi
      load=(-t1 -c"$CONNECTIONS" --timeout 30s -s "$HARNESS/lua/bench.lua" "$BASE"
            -- "$endpoint" "$DATA_DIR/tokens.tsv" "$DATA_DIR/targets.txt" "$NAMES")
      [[ "$WARMUP" == 0s || "$WARMUP" == 0 ]] || wrk -d"$WARMUP" "${load[@]}" > /dev/null 2>&1 || true
      wrk -d"$DURATION" "${load[@]}" > "$RESULTS_DIR/wrk-$run.txt" 2>&1 || true
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
      line=$(grep '^RESULT ' "$RESULTS_DIR/wrk-$run.txt" | tail -1 || true)
      [[ -n "$line" ]] || { echo "# wrk failed: $RESULTS_DIR/wrk-$run.txt" >&2; continue; }
      read -r _ _ rps p50 p99 bad sock _ <<< "$line"
      printf '%-5s %-8s %-11s %-13s %9s %8s %8s %8s %6s\n' "$round" "$label" "$config" "$endpoint" "$ping_ms" "$rps" \
        "$p50" "$p99" "$((bad + sock))"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$label" "$config" "$endpoint" "$ping_ms" "$rps" \
        "$p50" "$p99" "$bad" "$sock" >> "$TSV"
    done
    done
  done
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw output: $RESULTS_DIR"
