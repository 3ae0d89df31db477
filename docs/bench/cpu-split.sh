#!/bin/bash
# cpu-split.sh: "java_ticks pg_ticks", CPU time (user + system, 1/100 s) of the user-api JVMs and of all PostgreSQL processes
j=0; for p in $(pgrep -f 'user-api.*\.jar'); do j=$((j + $(awk '{print $14+$15}' /proc/$p/stat))); done
g=0; for p in $(pgrep -u postgres); do t=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null); g=$((g + ${t:-0})); done
echo "$j $g"
