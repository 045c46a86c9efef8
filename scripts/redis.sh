#!/usr/bin/env bash
# Prints the path of a redis-server binary, installing Debian's redis-server package first if there is none.
# Tests start their own redis-server processes (loopback, a free port, no persistence) and stop them, so this
# script never leaves a system Redis service running: the package's service is kept from starting while it
# installs. Parallel calls (test processes, CI steps) are serialised with flock; everything but the path goes
# to standard error.
set -euo pipefail

find_redis() {
    command -v redis-server 2>/dev/null && return 0
    [[ -x /usr/bin/redis-server ]] && echo /usr/bin/redis-server && return 0
    return 1
}

if find_redis; then exit 0; fi

exec 9>"${TMPDIR:-/tmp}/algospace-redis-install.lock"
flock -w 900 9 || { echo "redis.sh: timed out waiting for another redis-server install" >&2; exit 1; }
if find_redis; then exit 0; fi   # installed by the caller that held the lock

# invoke-rc.d and deb-systemd-invoke ask policy-rc.d whether a package may start its service; 101 means no.
# Containers usually have one already; otherwise one is put in place for the install only.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
install_redis() { apt-get install -y --no-install-recommends redis-server >&2; }
if ! install_redis; then
    # A machine whose package lists are missing or stale: refresh them once and try again.
    apt-get update >&2
    install_redis
fi

# Belt and braces on a systemd machine whose policy let the service start anyway.
if [[ -d /run/systemd/system ]] && systemctl is-active --quiet redis-server 2>/dev/null; then
    systemctl stop redis-server >&2 || true
    systemctl disable redis-server >&2 || true
fi

find_redis || { echo "redis.sh: redis-server is still missing after installing the redis-server package" >&2; exit 1; }
