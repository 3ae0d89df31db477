#!/bin/bash
# pgb_prepared.sh DB USERS SECONDS [simple|prepared]
# Name search as the service sends it after warm-up: one script per bench prefix (the pattern inlined, the caller
# bound), run with pgbench -M prepared so that each connection plans each prefix once (or -M simple: plans every
# time). Prints the latency distribution of the second half of the run (steady state).
DB=$1; USERS=$2; T=$3; MODE=${4:-prepared}
DIR=$(mktemp -d); HERE=$(dirname "$0")
PREFIXES="jam mar rob pat joh jen mic lin dav eli wil bar ric sus jos jes tho sar chr kar cha lis dan nan mat bet ant mar mar san don ash ste kim pau emi and don jos mic ken car kev ama bri mel geo deb tim ste ron reb jas lau edw hel jef sha rya cyn jac kat gar amy nic ang eri shi jon ann min seo jih jiw hyu suj wei mei hir yuk car sof die luc ahm fat iva olg"
ARGS=""
for p in $(echo $PREFIXES | tr ' ' '\n' | sort | uniq -c | awk '{print $2"@"$1}'); do
  name=${p%@*}; weight=${p#*@}
  { echo '\set c random(1, :users)'; sed -e "s/?/('u' || lpad(:c::text, 7, '0'))::varchar/g" -e "s/mar/$name/g" "$HERE/repo_name_template.sql"; echo ';'; } > "$DIR/$name.sql"
  ARGS="$ARGS -f $DIR/$name.sql@$weight"
done
for i in $(seq 1 120); do L=$(cut -d' ' -f1 /proc/loadavg); awk -v l=$L 'BEGIN{exit !(l<0.9)}' && break; sleep 5; done
pgbench -h 127.0.0.1 -U postgres -n -M $MODE -c 16 -j 2 -T $T -D users=$USERS $ARGS --log --log-prefix=$DIR/log $DB > /dev/null 2>&1
cat $DIR/log* | awk '{print $5"."sprintf("%06d",$6), $3/1000}' | sort -n | awk -v h=$((T/2)) 'NR==1{t0=$1} {if ($1-t0>h) print $2}' | sort -n \
  | awk -v h=$((T/2)) -v ld=$L '{a[NR]=$1;s+=$1} END {printf "steady (last %ds): tps=%.0f p50=%.1f p99=%.1f mean=%.1f n=%d (load before %s)\n", h, NR/h, a[int(NR*.5)], a[int(NR*.99)], s/NR, NR, ld}'
rm -rf "$DIR"
