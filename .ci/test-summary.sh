#!/usr/bin/env bash
# Prints the per-module Surefire/Failsafe result lines of a Maven log, then one line summing the whole run.
#   .ci/test-summary.sh target/test-run.log
set -uo pipefail
log=${1:?usage: test-summary.sh MAVEN_LOG}
pattern='^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$'
if ! grep -E "$pattern" "$log"; then
  echo "[ERROR] no Surefire/Failsafe summary found (the build failed before the tests ran)"
  exit 0
fi
# Which tests failed, and the first lines of each message, so a red run names them at its end (Surefire's
# "Failures:"/"Errors:" blocks: a "[ERROR]   Class.method:line" line, then the message's lines without a prefix).
awk '
  /^\[ERROR\] (Failures|Errors):/ { print "  failed: " $0; shown = 0; next }
  /^\[ERROR\]   [A-Za-z0-9_.$]+[.:][A-Za-z0-9_$]+/ { print "  failed: " $0; shown = 0; message = 1; next }
  /^\[/ { message = 0; next }
  message && shown < 8 { print "          " substr($0, 1, 400); shown++ }
' "$log" | head -80
grep -E "$pattern" "$log" | awk -F'[:,] *' '
  { run += $2; failed += $4; errored += $6; skipped += $8; modules++ }
  END { printf "TOTAL (%d Surefire/Failsafe runs): tests run %d, failed %d, errored %d, skipped %d\n",
               modules, run, failed, errored, skipped }'
