#!/bin/bash
# pgb.sh DB USERS SCRIPT CLIENTS SECONDS -> "tps p50 p99 mean n" (latency per transaction, ms)
DB=$1; USERS=$2; SCRIPT=$3; C=$4; T=$5
for i in $(seq 1 120); do
  L=$(cut -d' ' -f1 /proc/loadavg); A=$(psql -h 127.0.0.1 -U postgres -Atc "select count(*) from pg_stat_activity where state='active' and pid<>pg_backend_pid()")
  awk -v l=$L 'BEGIN{exit !(l<0.9)}' && [ "$A" = "0" ] && break; sleep 5
done
P=/tmp/pgb_$$; rm -f $P.*
OUT=$(pgbench -h 127.0.0.1 -U postgres -n -c $C -j $(( C<2?C:2 )) -T $T -D users=$USERS -f $SCRIPT --log --log-prefix=$P $DB 2>&1)
TPS=$(echo "$OUT" | grep -oP 'tps = \K[0-9.]+')
cat $P.* | awk '{print $3/1000}' | sort -n | awk -v tps=$TPS -v ld=$L '{a[NR]=$1; s+=$1} END {printf "tps=%.0f p50=%.1f p99=%.1f mean=%.1f n=%d (load before %s)\n", tps, a[int(NR*0.5)], a[int(NR*0.99)], s/NR, NR, ld}'
rm -f $P.*
