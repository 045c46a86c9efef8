#!/usr/bin/env bash
# A cluster on this machine (settings/cluster.yaml): a redis-server for the membership table and grain state, the
# replay feed (tools/FeedReplay, the sample in a loop) and N silo processes, all on 127.0.0.1.
#
#   scripts/cluster.sh up [N]    builds the silo and the feed (Release), starts them, waits until every silo is ready
#   scripts/cluster.sh status    what runs: pid, ports and log of each process
#   scripts/cluster.sh down      SIGTERM to each silo in turn (newest first; the last runs the shutdown sequence),
#                                a bounded wait for each, then the feed and redis-server
#
# Everything lives in output/cluster/: pid files, logs (silo-N.out), Redis' working folder and the run reports.
# Silo i (1..N) uses silo port SILO_PORT+i-1, gateway GATEWAY_PORT+i-1 and telemetry HTTP_PORT+i-1. The ports and
# folders can be changed through the environment (tests do, so that they never use the defaults):
#   ALGOSPACE_CLUSTER_DIR (output/cluster)        ALGOSPACE_CLUSTER_REDIS_PORT (6380)
#   ALGOSPACE_CLUSTER_SILO_PORT (11111)           ALGOSPACE_CLUSTER_GATEWAY_PORT (30000)
#   ALGOSPACE_CLUSTER_HTTP_PORT (9464)            ALGOSPACE_CLUSTER_FEED_PORT (8765)
#   ALGOSPACE_CLUSTER_FEED_RATE (200 ticks/s)     ALGOSPACE_CLUSTER_STOP_TIMEOUT (60 s per silo)
#   ALGOSPACE_CLUSTER_READY_TIMEOUT (180 s)       ALGOSPACE_CLUSTER_BUILD (1; 0 uses the built files as they are)
#   ALGOSPACE_CLUSTER_CONFIGURATION (Release: which build of the silo and the feed to run)
#   ALGOSPACE_CLUSTER_SETTINGS (settings/cluster.yaml; settings/portfolio-cluster.yaml runs the portfolio backtest,
#                               whose silos exit when it ends)
#   ALGOSPACE_CLUSTER_MODE (the settings' mode; live or backtest is passed to each silo as --mode)
# The feed replays the settings' backtest data: data_handler.backtest_files as one feed of every symbol (a
# portfolio), else data_handler.backtest_file. So the portfolio trades live on 3 silos with:
#   ALGOSPACE_CLUSTER_SETTINGS=settings/portfolio-cluster.yaml ALGOSPACE_CLUSTER_MODE=live scripts/cluster.sh up 3
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

dir=${ALGOSPACE_CLUSTER_DIR:-$root/output/cluster}
redis_port=${ALGOSPACE_CLUSTER_REDIS_PORT:-6380}
silo_port=${ALGOSPACE_CLUSTER_SILO_PORT:-11111}
gateway_port=${ALGOSPACE_CLUSTER_GATEWAY_PORT:-30000}
http_port=${ALGOSPACE_CLUSTER_HTTP_PORT:-9464}
feed_port=${ALGOSPACE_CLUSTER_FEED_PORT:-8765}
feed_rate=${ALGOSPACE_CLUSTER_FEED_RATE:-200}
stop_timeout=${ALGOSPACE_CLUSTER_STOP_TIMEOUT:-60}
ready_timeout=${ALGOSPACE_CLUSTER_READY_TIMEOUT:-180}
configuration=${ALGOSPACE_CLUSTER_CONFIGURATION:-Release}
silo_dll=$root/src/Silo/bin/$configuration/net10.0/AlgoSpace.Silo.dll
feed_dll=$root/tools/FeedReplay/bin/$configuration/net10.0/FeedReplay.dll
settings=$(realpath "${ALGOSPACE_CLUSTER_SETTINGS:-$root/settings/cluster.yaml}")
mode=${ALGOSPACE_CLUSTER_MODE:-}
[[ -z $mode || $mode == live || $mode == backtest ]] || { echo "cluster: ALGOSPACE_CLUSTER_MODE is '$mode': live, backtest or unset" >&2; exit 1; }
mode_args=()
[[ -n $mode ]] && mode_args=(--mode "$mode")

say() { echo "cluster: $*"; }
fail() { echo "cluster: $*" >&2; exit 1; }

# The pid in a pid file, if that process still runs the program named; a pid left by a crash may have been reused.
live_pid() {
    local file=$1 program=$2 pid
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) == *"$program"* ]] || return 1
    echo "$pid"
}

silo_files() { compgen -G "$dir/silo-*.pid" | sort -t- -k2 -n || true; }

running_silos() {
    local file count=0
    for file in $(silo_files); do live_pid "$file" AlgoSpace.Silo.dll >/dev/null && count=$((count + 1)); done
    echo "$count"
}

# Waits until the process is gone or the timeout passes; returns 1 on timeout.
wait_gone() {
    local pid=$1 timeout=$2 waited=0
    while kill -0 "$pid" 2>/dev/null; do
        ((waited >= timeout * 10)) && return 1
        sleep 0.1
        waited=$((waited + 1))
    done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

build() {
    if [[ ${ALGOSPACE_CLUSTER_BUILD:-1} == 0 ]]; then
        [[ -f $silo_dll && -f $feed_dll ]] || fail "ALGOSPACE_CLUSTER_BUILD=0 but $silo_dll or $feed_dll is missing"
        return
    fi

    say "building the silo and the feed ($configuration; log in $dir/build.log)"
    if ! { dotnet build -c "$configuration" src/Silo && dotnet build -c "$configuration" tools/FeedReplay; } >"$dir/build.log" 2>&1; then
        tail -n 30 "$dir/build.log" >&2
        fail "the build failed (whole log: $dir/build.log)"
    fi
}

start_redis() {
    local redis
    redis=$(scripts/redis.sh)
    port_free "$redis_port" || fail "port $redis_port (Redis) is taken; set ALGOSPACE_CLUSTER_REDIS_PORT to a free one"
    mkdir -p "$dir/redis"
    # Loopback only, nothing saved: the cluster's membership and state live as long as this cluster does.
    "$redis" --bind 127.0.0.1 --port "$redis_port" --protected-mode yes --save "" --appendonly no \
        --dir "$dir/redis" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 100); do
        port_free "$redis_port" || { say "redis-server on 127.0.0.1:$redis_port (pid $(<"$dir/redis.pid"))"; return; }
        sleep 0.1
    done
    fail "redis-server did not accept connections on 127.0.0.1:$redis_port within 10 s (log: $dir/redis.log)"
}

# What the feed serves, one argument per line: SYMBOL=FILE for each of data_handler.backtest_files, else the
# backtest_file; paths as the settings give them, relative to the settings' folder.
feed_sources() {
    awk -v base="$(dirname "$settings")" '
        function path(value) { sub(/[ \t]+#.*/, "", value); gsub(/^["\x27]|["\x27]$/, "", value); return value ~ /^\// ? value : base "/" value }
        /^[^ #]/ { section = $0; files = 0 }
        section !~ /^data_handler:/ { next }
        /^  backtest_files:/ { files = 1; next }
        /^  [a-z_]+:/ { files = 0 }
        /^  backtest_file:/ { single = $0; sub(/^  backtest_file:[ \t]*/, "", single); single = path(single) }
        files && /^    [A-Za-z0-9._-]+:/ { line = $0; sub(/^ +/, "", line); symbol = line; sub(/:.*/, "", symbol)
                                             sub(/^[^:]+:[ \t]*/, "", line); print symbol "=" path(line); portfolio = 1 }
        END { if (!portfolio && single != "") print single }
    ' "$settings"
}

start_feed() {
    port_free "$feed_port" || fail "port $feed_port (feed) is taken; set ALGOSPACE_CLUSTER_FEED_PORT to a free one"
    local sources
    mapfile -t sources < <(feed_sources)
    ((${#sources[@]} > 0)) || fail "$settings gives no data_handler.backtest_file or backtest_files for the feed to replay"
    setsid dotnet "$feed_dll" "${sources[@]}" --port "$feed_port" --rate "$feed_rate" --loop >"$dir/feed.out" 2>&1 </dev/null &
    echo $! >"$dir/feed.pid"
    say "replay feed of ${sources[*]#"$root"/} on ws://127.0.0.1:$feed_port/ticks, $feed_rate ticks/s in a loop (pid $!, log $dir/feed.out)"
}

start_silo() {
    local i=$1 port=$((silo_port + $1 - 1)) gateway=$((gateway_port + $1 - 1)) http=$((http_port + $1 - 1)) p
    for p in "$port" "$gateway" "$http"; do
        port_free "$p" || fail "port $p (silo $i) is taken; set ALGOSPACE_CLUSTER_SILO_PORT, _GATEWAY_PORT or _HTTP_PORT"
    done

    ALGOSPACE_SILO_PORT=$port ALGOSPACE_GATEWAY_PORT=$gateway ALGOSPACE_HTTP_PORT=$http \
        setsid dotnet "$silo_dll" --config "$settings" "${mode_args[@]}" >"$dir/silo-$i.out" 2>&1 </dev/null &
    echo $! >"$dir/silo-$i.pid"
    say "silo $i: pid $!, silo port $port, gateway $gateway, http://127.0.0.1:$http/health, log $dir/silo-$i.out"
}

# Every silo has written its ready line, or one has exited (its log says why).
wait_ready() {
    local count=$1 deadline=$((SECONDS + ready_timeout)) i ready
    while :; do
        ready=0
        for i in $(seq "$count"); do
            live_pid "$dir/silo-$i.pid" AlgoSpace.Silo.dll >/dev/null || {
                tail -n 20 "$dir/silo-$i.out" >&2
                fail "silo $i exited while starting (log: $dir/silo-$i.out); stop the rest with: scripts/cluster.sh down"
            }
            grep -q "AlgoSpace ready in" "$dir/silo-$i.out" && ready=$((ready + 1))
        done
        ((ready == count)) && return
        ((SECONDS >= deadline)) && fail "$ready of $count silos ready after ${ready_timeout} s (logs: $dir/silo-*.out)"
        sleep 0.5
    done
}

up() {
    local count=${1:-3}
    [[ $count =~ ^[1-9][0-9]?$ ]] || fail "usage: scripts/cluster.sh up [N], N from 1 to 99 silos"
    mkdir -p "$dir"
    local running
    running=$(running_silos)
    if ((running > 0)); then
        say "already up with $running silo(s); to change it: scripts/cluster.sh down, then up again"
        status
        return
    fi

    build
    rm -f "$dir"/silo-*.pid "$dir"/silo-*.out
    export ALGOSPACE_REDIS=127.0.0.1:$redis_port
    export ALGOSPACE_FEED_URL=ws://127.0.0.1:$feed_port/ticks
    export ALGOSPACE_OUTPUT_DIR=${ALGOSPACE_OUTPUT_DIR:-$dir}
    # A backtest (settings/portfolio-cluster.yaml) starts once all N silos are in (cluster.min_silos).
    export ALGOSPACE_CLUSTER_SILOS=$count
    # Fails early, with every finding, rather than N times in N logs.
    dotnet "$silo_dll" --config "$settings" "${mode_args[@]}" --validate >"$dir/validate.out" 2>&1 || {
        cat "$dir/validate.out" >&2
        fail "$settings is not valid with this environment"
    }

    live_pid "$dir/redis.pid" redis-server >/dev/null || start_redis
    live_pid "$dir/feed.pid" FeedReplay.dll >/dev/null || start_feed

    local i
    for i in $(seq "$count"); do start_silo "$i"; done
    say "waiting until the $count silos are ready (at most ${ready_timeout} s)"
    wait_ready "$count"
    say "up: $count silos of $settings on 127.0.0.1"
    say "see it with: ALGOSPACE_REDIS=$ALGOSPACE_REDIS dotnet run --project src/Client -- status --config ${settings#"$root"/}"
}

stop_process() {
    local name=$1 file=$2 program=$3 pid
    if pid=$(live_pid "$file" "$program"); then
        kill -TERM "$pid"
        if wait_gone "$pid" "$stop_timeout"; then
            say "$name stopped (pid $pid)"
        else
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 10 || true
            say "$name did not stop within ${stop_timeout} s of SIGTERM: killed (pid $pid; its log: ${file%.pid}.out)"
        fi
    fi

    rm -f "$file"
}

down() {
    if [[ ! -d $dir ]]; then
        say "nothing to stop: $dir does not exist"
        return
    fi

    # Newest first, one at a time: each leaving silo hands its grains to the others, and the last one stopped
    # runs the system's shutdown sequence (close positions, report, final checkpoint).
    local file
    for file in $(silo_files | sort -t- -k2 -n -r); do
        local name
        name=$(basename "$file" .pid)
        stop_process "${name/-/ }" "$file" AlgoSpace.Silo.dll
    done

    stop_process feed "$dir/feed.pid" FeedReplay.dll
    stop_process redis-server "$dir/redis.pid" redis-server
    say "down: nothing of this cluster runs (logs kept in $dir)"
}

status() {
    if [[ ! -d $dir ]]; then
        say "not up ($dir does not exist)"
        return
    fi

    local file pid any=0
    for file in "$dir/redis.pid" "$dir/feed.pid" $(silo_files); do
        local name program
        name=$(basename "$file" .pid)
        case $name in
            redis) program=redis-server ;;
            feed) program=FeedReplay.dll ;;
            *) program=AlgoSpace.Silo.dll ;;
        esac
        if pid=$(live_pid "$file" "$program"); then
            any=1
            echo "  ${name/-/ }: running, pid $pid, log $dir/$name.$([[ $name == redis ]] && echo log || echo out)"
        elif [[ -f $file ]]; then
            echo "  ${name/-/ }: not running (log $dir/$name.$([[ $name == redis ]] && echo log || echo out))"
        fi
    done

    ((any)) && say "silos running: $(running_silos)" || say "not up"
}

case ${1:-} in
    up) up "${2:-3}" ;;
    down) down ;;
    status) status ;;
    *) fail "usage: scripts/cluster.sh up [N] | down | status" ;;
esac
