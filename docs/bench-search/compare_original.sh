#!/bin/bash
# compare_original.sh DB USERS N: the original service's search_name query (bench/pgbench/search_name.sql) and
# ours, for N deterministic random (caller, prefix) pairs; prints one line per pair and a summary.
DB=$1; USERS=$2; N=$3
PREFIXES=(jam mar rob pat joh jen mic lin dav eli wil bar ric sus jos jes tho sar chr kar cha lis dan nan mat bet ant mar mar san don ash ste kim pau emi and don jos mic ken car kev ama bri mel geo deb tim ste ron reb jas lau edw hel jef sha rya cyn jac kat gar amy nic ang eri shi jon ann min seo jih jiw hyu suj wei mei hir yuk car sof die luc ahm fat iva olg)
ORIG=$(grep -v '^\\set' ${BENCH_DIR:-$(dirname "$0")/../bench/harness}/pgbench/search_name.sql | grep -v '^--')
OURS=$(cat $(dirname "$0")/repo_name_template.sql)
same=0; differ=0; rows=0
RANDOM=7
for i in $(seq 1 $N); do
  c=$(( (RANDOM * 32768 + RANDOM) % USERS + 1 )); k=$(( RANDOM % 88 + 1 )); p=${PREFIXES[$((k-1))]}
  cid=$(printf 'u%07d' $c)
  o=$(echo "$ORIG" | sed "s/:c::text/'$c'/g; s/\[:k\]/[$k]/g" | psql -h 127.0.0.1 -U postgres -d $DB -At -F'|' | awk -F'|' '{print $1, $6, $8}')
  m=$(echo "SELECT user_id, (code + 1) / 2, mutual FROM ($(echo "$OURS" | sed "s/?/'$cid'/g; s/mar/$p/g")) q;" | psql -h 127.0.0.1 -U postgres -d $DB -At -F' ')
  n=$(echo "$o" | grep -c .); rows=$((rows+n))
  if [ "$o" == "$m" ]; then same=$((same+1)); echo "$cid $p: identical ($n rows)"; else differ=$((differ+1)); echo "$cid $p: DIFFERENT"; diff <(echo "$o") <(echo "$m") | head -5; fi
done
echo "pairs=$N identical=$same different=$differ rows_compared=$rows"
