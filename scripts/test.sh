#!/usr/bin/env bash
# Runs the whole test suite: checks the formatting, builds, runs every test project, and ends with one line
# "N passed, N failed". Exits non-zero if the formatting differs from .editorconfig, if any test failed,
# if the build failed, or if no test ran.
# What the tests need that a fresh machine lacks is installed by the build itself (see build/torchsharp).
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The tests still run when the formatting is off, so one run reports both; the verdict comes at the end.
# ALGOSPACE_SKIP_FORMAT=1 skips the check (it takes minutes) for quick local runs; CI never sets it.
format_status=0
if [[ "${ALGOSPACE_SKIP_FORMAT:-0}" != 1 ]]; then
    echo "Checking the formatting: dotnet format AlgoSpace.sln --verify-no-changes"
    dotnet format AlgoSpace.sln --verify-no-changes -v q
    format_status=$?
fi

dotnet test AlgoSpace.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
passed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s += $1} END {print s + 0}')
failed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s += $1} END {print s + 0}')

skipped=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Skipped: *([0-9]+),.*/\1/' | awk '{s += $1} END {print s + 0}')

echo
# Only the real-data tests skip, and only where ../shared/data is not next to the clone; they say so above.
[[ $skipped -ne 0 ]] && echo "$skipped skipped (see the reasons above)"
[[ $format_status -ne 0 ]] && echo "The formatting differs from .editorconfig (listed at the top); to fix it, run: dotnet format AlgoSpace.sln"
echo "$passed passed, $failed failed"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 || $format_status -ne 0 ]]; then
    [[ $passed -eq 0 ]] && echo "no test ran (build failure?)" >&2
    exit 1
fi
