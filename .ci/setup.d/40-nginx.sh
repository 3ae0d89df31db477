#!/usr/bin/env bash
# nginx for TwoInstancesBehindNginxIT (two service processes behind a real load balancer). The test starts its own
# nginx with its own configuration and prefix on loopback; this script only makes the binary available.
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
  exit 0
fi
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo -n"
if command -v apt-get >/dev/null 2>&1 \
   && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null 2>&1; then
  exit 0
fi
echo "40-nginx.sh: could not install nginx (Debian package nginx); TwoInstancesBehindNginxIT will skip" >&2
exit 0
