#!/bin/bash
# search-load.sh ENDPOINT [DURATION]: wrk (bench.lua here) against the service on :18000 with 16 connections, after
# a warm-up (WARMUP, default 5s); prints bench.lua's RESULT line plus the CPU the JVM and PostgreSQL spent per request.
#   DATA   directory with tokens.tsv and targets.txt, made as in harness/README.md step 3
#   BENCH  the load harness [harness/ next to this script]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
EP=${1:-search_name}; DUR=${2:-10s}; D=${DATA:?set DATA to the tokens/targets directory}
BENCH=${BENCH:-$HERE/harness}
NAMES=$(mktemp)
python3 - "$BENCH/seed.sql" > "$NAMES" <<'PY'
import re, sys
m = re.search(r"ARRAY\[([^\]]*)\]\s+AS first_names", open(sys.argv[1]).read())
print("\n".join(re.findall(r"'([^']+)'", m.group(1))))
PY
load() { wrk -t1 -c16 -d"$1" --timeout 30s -s "$HERE/bench.lua" http://127.0.0.1:18000 -- "$EP" "$D/tokens.tsv" "$D/targets.txt" "$NAMES"; }
load "${WARMUP:-5s}" > /dev/null
read -r j0 g0 < <("$HERE/cpu-split.sh")
OUT=$(load "$DUR")
read -r j1 g1 < <("$HERE/cpu-split.sh")
R=$(echo "$OUT" | grep RESULT)
N=$(echo "$R" | awk '{print $8}')
echo "$R  java_ms/req=$(echo "scale=2; ($j1-$j0)*10/$N" | bc) pg_ms/req=$(echo "scale=2; ($g1-$g0)*10/$N" | bc)"
rm -f "$NAMES"
