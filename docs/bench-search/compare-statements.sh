#!/bin/bash
# Used to check that the V6 statement answers as the V4 one (captured before V6, e.g. `git show 2e7a1ba:docs/bench-search/search_name.sql`)
# on the 1M data set: 60 pages (6 callers x 5 texts x 2 pages), all identical.
# compare-statements.sh SQLFILE VIEWER TEXT [OFFSET]: the rows of a captured search statement on pagenow_bench_1m
SQL=$(cat $1); V=$2; T=$3; O=${4:-0}
psql -X -q -At -h 127.0.0.1 -U bench -d pagenow_bench_1m -v t="$T" <<SQL
SELECT replace(replace(replace(:'t', '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS e \gset
PREPARE s(varchar, varchar, varchar, varchar, varchar, varchar, varchar, int, int, int) AS $SQL;
EXECUTE s('$V', :'e' || '%', '%' || :'e', '%' || :'e' || '%', :'t', :'t', :'t' || chr(1114111), $((O+15)), $O, 15);
SQL
