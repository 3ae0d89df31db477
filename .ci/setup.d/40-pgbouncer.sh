#!/usr/bin/env bash
# PgBouncer for ThroughPgBouncerIT (the service's pools behind a transaction-pooling proxy, the local stand-in for
# RDS Proxy). The test starts its own pgbouncer with its own configuration on loopback; this script only makes the
# binary available.
if command -v pgbouncer >/dev/null 2>&1 || [[ -x /usr/sbin/pgbouncer ]]; then
  exit 0
fi
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo -n"
if command -v apt-get >/dev/null 2>&1 \
   && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends pgbouncer >/dev/null 2>&1; then
  # The package starts its own service on port 6432; the test needs only the binary.
  $sudo_cmd systemctl disable --now pgbouncer >/dev/null 2>&1 || true
  exit 0
fi
echo "40-pgbouncer.sh: could not install pgbouncer (Debian package pgbouncer); ThroughPgBouncerIT will skip" >&2
exit 0
