#!/bin/bash
# plans.sh DB SQLFILE VIEWER TEXT [OFFSET] [LIMIT]
#   EXPLAIN (ANALYZE, BUFFERS) of a search statement (search_name.sql, search_email.sql, search_friends_name.sql:
#   the SQL the service sends, captured from the PostgreSQL log) with the plan PostgreSQL reuses, after three warm
#   runs. Binds as JooqUserSearchRepository does: LIKE patterns with %, _ and \ escaped, the text, text || U+10FFFF.
set -euo pipefail
DB=$1; SQL=$(cat "$2"); VIEWER=$3; TEXT=$4; OFFSET=${5:-0}; LIMIT=${6:-15}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
ARGS="'$VIEWER', :'e' || '%', '%' || :'e', '%' || :'e' || '%', :'t', :'t', :'t' || chr(1114111), $((OFFSET + LIMIT)), $OFFSET, $LIMIT"
psql -X -q -d "$DB" -v t="$TEXT" <<SQL
SELECT replace(replace(replace(:'t', '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS e \gset
PREPARE search(varchar, varchar, varchar, varchar, varchar, varchar, varchar, int, int, int) AS $SQL;
SET plan_cache_mode = force_generic_plan;
\o /dev/null
EXECUTE search($ARGS);
EXECUTE search($ARGS);
EXECUTE search($ARGS);
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search($ARGS);
SQL
