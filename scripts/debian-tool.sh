#!/usr/bin/env bash
# Usage: scripts/debian-tool.sh COMMAND PACKAGE
# Prints the path of COMMAND, installing Debian's PACKAGE first if it is missing: what tests need that a fresh
# machine lacks (redis-server, tmux) comes from here, never from a manual step. A package's service is kept from
# starting while it installs (tests start their own servers on loopback). Parallel calls (test processes, CI
# steps) are serialised with flock; everything but the path goes to standard error.
set -euo pipefail

command=${1:?usage: debian-tool.sh COMMAND PACKAGE}
package=${2:?usage: debian-tool.sh COMMAND PACKAGE}

find_command() {
    command -v "$command" 2>/dev/null && return 0
    [[ -x /usr/bin/$command ]] && echo "/usr/bin/$command" && return 0
    return 1
}

if find_command; then exit 0; fi

exec 9>"${TMPDIR:-/tmp}/algospace-apt-install.lock"
flock -w 900 9 || { echo "debian-tool.sh: timed out waiting for another package install" >&2; exit 1; }
if find_command; then exit 0; fi   # installed by the caller that held the lock

# invoke-rc.d and deb-systemd-invoke ask policy-rc.d whether a package may start its service; 101 means no.
# Containers usually have one already; otherwise one is put in place for the install only.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
install_package() { apt-get install -y --no-install-recommends "$package" >&2; }
if ! install_package; then
    # A machine whose package lists are missing or stale: refresh them once and try again.
    apt-get update >&2
    install_package
fi

find_command || { echo "debian-tool.sh: $command is still missing after installing the $package package" >&2; exit 1; }
