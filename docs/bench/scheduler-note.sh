#!/usr/bin/env bash
# scheduler-note.sh - one header line for a bench run: the kernel's autogroup setting, which decides how this machine
# shares its cores between PostgreSQL and the service with wrk when all run on it (docs/benchmarks-startup.md).
# With autogroup on (many kernels' default), CPU is shared fairly between sessions, not threads: PostgreSQL, started
# in a session of its own, gets at most half the cores while the session of the service and wrk is busy.
setting=$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo absent)
case $setting in
  1) echo "# kernel.sched_autogroup_enabled=1: PostgreSQL gets at most half the CPU while the service and wrk are busy;" \
          "the figures of docs/benchmarks-startup.md ran with it off (sysctl -w kernel.sched_autogroup_enabled=0)" ;;
  *) echo "# kernel.sched_autogroup_enabled=$setting" ;;
esac
