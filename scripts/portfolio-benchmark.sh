#!/usr/bin/env bash
# The portfolio's throughput on 1, 2 and 3 silo processes with 1, 3 and 6 instruments (docs/performance.md,
# "A portfolio"): settings/portfolio-cluster.yaml on a cluster started by scripts/cluster.sh, run to its end, and
# the ticks per second its report gives. 1 instrument is ES alone; 3 are ES, NQ and CL (data/sample/portfolio);
# 6 add MES, MNQ and MCL replaying the ES, NQ and CL files again (micro contracts: the same work per tick, other
# point values). Nothing is kept but the table; each run's folder is removed.
#
#   scripts/portfolio-benchmark.sh [SILOS...]      # default: 1 2 3
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
silo_counts=("${@:-1 2 3}")
work=$(mktemp -d "$root/output/portfolio-benchmark-XXXXXX")
trap 'ALGOSPACE_CLUSTER_DIR=$work/cluster scripts/cluster.sh down >/dev/null 2>&1 || true; rm -f "$root"/settings/.benchmark-*.yaml; rm -rf "$work"' EXIT

settings_for() {
    local count=$1 file=$root/settings/.benchmark-$1.yaml
    python3 - "$count" "$file" <<'PY'
import sys
count, path = int(sys.argv[1]), sys.argv[2]
s = open("settings/portfolio-cluster.yaml").read()
files = {"ES": "ES", "NQ": "NQ", "CL": "CL", "MES": "ES", "MNQ": "NQ", "MCL": "CL"}
symbols = ["ES", "NQ", "CL", "MES", "MNQ", "MCL"][:count]
s = s.replace("symbols: [ES, NQ, CL]", f"symbols: [{', '.join(symbols)}]")
start = s.index("  backtest_files:\n")
end = s.index("  format:", start)
lines = "".join(f"    {sym}: ../data/sample/portfolio/{files[sym]}-ticks.csv.gz\n" for sym in symbols)
s = s[:start] + "  backtest_files:\n" + lines + s[end:]
s = s.replace("\ndata_handler:", "\ninstruments:\n  MNQ: {tick_size: 0.25, point_value: 2}\n  MCL: {tick_size: 0.01, point_value: 100}\n\ndata_handler:", 1)
open(path, "w").write(s)
PY
    echo "$file"
}

echo "building (Release)"
dotnet build -c Release src/Silo >/dev/null
dotnet build -c Release tools/FeedReplay >/dev/null
printf '%-12s %-6s %12s %10s\n' instruments silos ticks/s seconds
for instruments in 1 3 6; do
    settings=$(settings_for "$instruments")
    for silos in ${silo_counts[*]}; do
        out=$work/run-$instruments-$silos
        ALGOSPACE_CLUSTER_DIR=$out/cluster ALGOSPACE_OUTPUT_DIR=$out/output ALGOSPACE_CLUSTER_SETTINGS=$settings \
            ALGOSPACE_CLUSTER_BUILD=0 ALGOSPACE_CLUSTER_READY_TIMEOUT=600 scripts/cluster.sh up "$silos" >"$out.log" 2>&1 || true
        # The backtest runs to its end and every silo exits with it.
        for _ in $(seq 1200); do
            compgen -G "$out/output/backtest-*/report.json" >/dev/null && break
            sleep 0.5
        done
        ALGOSPACE_CLUSTER_DIR=$out/cluster scripts/cluster.sh down >/dev/null 2>&1 || true
        report=$(compgen -G "$out/output/backtest-*/report.json" | head -1 || true)
        [[ -n $report ]] || { echo "no report for $instruments instruments on $silos silos (log: $out.log)" >&2; continue; }
        python3 - "$report" "$instruments" "$silos" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["timing"]
print(f"{sys.argv[2]:<12} {sys.argv[3]:<6} {t['ticks_per_second']:12.0f} {t['run_time_seconds']:10.1f}")
PY
    done
done
