#!/usr/bin/env bash
# Prints the path of a redis-server binary, installing Debian's redis-server package first if there is none
# (scripts/debian-tool.sh). Tests start their own redis-server processes (loopback, a free port, no persistence)
# and stop them, so this script never leaves a system Redis service running.
set -euo pipefail
path=$("$(dirname "$0")/debian-tool.sh" redis-server redis-server)

# Belt and braces on a systemd machine whose policy let the service start anyway.
if [[ -d /run/systemd/system ]] && systemctl is-active --quiet redis-server 2>/dev/null; then
    systemctl stop redis-server >&2 || true
    systemctl disable redis-server >&2 || true
fi

echo "$path"
