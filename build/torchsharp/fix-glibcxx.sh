#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so loadable where the system libstdc++ predates GCC 13.
#
# TorchSharp 0.107's libLibTorchSharp.so requires libstdc++ version GLIBCXX_3.4.32 (GCC 13), so on
# Debian 12 (GLIBCXX_3.4.30) dlopen fails with "version `GLIBCXX_3.4.32' not found". The only symbol
# it takes from that version is std::ios_base_library_init(), which GCC 13's <iostream> references
# (without calling it, and without any relocation) so that libstdc++ initialises the standard streams.
# This script writes a patched copy of the library that
#   - loads glibcxx_shim.cpp (built here, placed beside it), which does that initialisation, and
#   - no longer demands GLIBCXX_3.4.32 (see "Version requirement" below).
#
# Usage: fix-glibcxx.sh <libLibTorchSharp.so from the NuGet cache> <output dir>
# Produces <output dir>/libLibTorchSharp.so and <output dir>/libalgospace_glibcxx_shim.so if the
# library cannot load here; otherwise produces nothing, and the build uses the package's file as is.
# Called from Directory.Build.targets; the source file is only read.
set -Eeuo pipefail

need=GLIBCXX_3.4.32
shim=libalgospace_glibcxx_shim.so

# MSBuild's Exec turns lines in this format into build errors, so failures show up in plain `dotnet build`.
fail() { echo "fix-glibcxx.sh : error TORCHSHARP: $*" >&2; exit 1; }
trap 'fail "command failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR
# Runs a tool, turning its failure into one error line that carries the tool's own message.
run() { local output; output=$("$@" 2>&1) || fail "$* failed: ${output//$'\n'/ }"; }

[[ $# -eq 2 ]] || fail "usage: fix-glibcxx.sh <libLibTorchSharp.so> <output dir>"
src=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
[[ -f $src ]] || fail "$src does not exist"
mkdir -p "$out"
rm -f "$out/libLibTorchSharp.so" "$out/$shim"

# Ask the dynamic loader itself rather than guessing which libstdc++ it would pick.
report=$(ldd "$src" 2>&1 || true)
if [[ $report != *"version \`$need' not found"* ]]; then
    echo "fix-glibcxx.sh: the system libstdc++ provides $need; libLibTorchSharp.so is used unchanged."
    exit 0
fi

# Tools. Projects build in parallel and apt/dpkg hold exclusive locks, hence flock.
if ! command -v patchelf >/dev/null || ! command -v g++ >/dev/null || ! command -v readelf >/dev/null; then
    command -v apt-get >/dev/null || fail "patchelf, g++ and readelf are needed to patch libLibTorchSharp.so and apt-get is not available to install them"
    exec 9>/tmp/algospace-fix-glibcxx.lock
    flock 9
    if ! command -v patchelf >/dev/null || ! command -v g++ >/dev/null; then
        log=$out/apt-get.log
        export DEBIAN_FRONTEND=noninteractive
        echo "fix-glibcxx.sh: installing patchelf and g++ with apt-get (log: $log)"
        apt-get install -y --no-install-recommends patchelf g++ >"$log" 2>&1 ||
            { apt-get update >>"$log" 2>&1 && apt-get install -y --no-install-recommends patchelf g++ >>"$log" 2>&1; } ||
            fail "apt-get could not install patchelf and g++ (are we root?); see $log"
    fi
    exec 9>&-
    for tool in patchelf g++ readelf; do command -v $tool >/dev/null || fail "$tool is still missing after apt-get install"; done
fi

# Refuse to patch if the library takes anything else from that version: the shim could not stand in.
others=$(readelf --dyn-syms -W "$src" | awk -v v="@$need" 'index($8, v) && $8 !~ /^_ZSt21ios_base_library_initv@/ { print $8 }')
[[ -z $others ]] || fail "libLibTorchSharp.so needs symbols from $need besides std::ios_base_library_init(): $others"

tmp=$(mktemp -d "$out/tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
lib=$tmp/libLibTorchSharp.so
cp "$src" "$lib"
chmod u+w "$lib"

run g++ -shared -fPIC -O2 -Wl,-soname,$shim -o "$tmp/$shim" "$here/glibcxx_shim.cpp"

# Version requirement. The loader refuses the library if any version named in .gnu.version_r is missing
# from the providing library. Marking the entry VER_FLG_WEAK also loads, but the loader still reports
# "weak version not found" (ldd -r shows it), so instead the GLIBCXX_3.4.32 entry is renamed to
# GLIBCXX_3.4, which every libstdc++.so.6 defines. Each entry is an Elf64_Vernaux
#   { u32 vna_hash; u16 vna_flags; u16 vna_other; u32 vna_name; u32 vna_next; }
# and the rename copies vna_hash and vna_name (a .dynstr offset) from the library's own GLIBCXX_3.4
# entry, keeping vna_other (the index that .gnu.version uses) and vna_next (the chain). Nothing moves.
# The symbol's reference becomes ..._initv@GLIBCXX_3.4; it has no relocation, so nothing ever binds it.
versions=$(readelf -V -W "$lib")
section=$(awk '/^Version needs section/ { getline; for (i = 1; i < NF; i++) if ($i == "Offset:") print $(i + 1); exit }' <<<"$versions")
entry() { awk -v v="$1" '/^Version needs section/ { on = 1 } on && $2 == "Name:" && $3 == v { sub(":", "", $1); print $1; exit }' <<<"$versions"; }
target=$(entry "$need")
donor=$(entry GLIBCXX_3.4)
[[ -n $section && -n $target && -n $donor ]] ||
    fail "could not find the $need and GLIBCXX_3.4 entries in .gnu.version_r (readelf -V $src)"
copy4() { dd if="$lib" of="$lib" bs=1 count=4 skip=$((section + donor + $1)) seek=$((section + target + $1)) conv=notrunc status=none; }
copy4 0 # vna_hash
copy4 8 # vna_name

run patchelf --add-needed $shim "$lib"
# The shim is found beside the library through $ORIGIN; TorchSharp's RUNPATH has it today, but make sure.
runpath=$(patchelf --print-rpath "$lib")
case ":$runpath:" in
    *':$ORIGIN:'* | *':$ORIGIN/:'*) ;;
    *) run patchelf --set-rpath "\$ORIGIN${runpath:+:$runpath}" "$lib" ;;
esac

# Check with the loader: the shim resolves beside the library and no version is missing any more.
# (libtorch*.so are not beside it here, so ldd lists them as not found; that is expected.)
report=$(ldd "$lib" 2>&1 || true)
[[ $report != *"version \`"*"' not found"* ]] || fail "patched library still has an unmet version requirement: $(grep "' not found" <<<"$report")"
[[ $report == *"$shim => $tmp/$shim"* ]] || fail "patched library does not load $shim from its own directory"

mv "$tmp/$shim" "$out/$shim"
mv "$lib" "$out/libLibTorchSharp.so"
echo "fix-glibcxx.sh: patched libLibTorchSharp.so for a libstdc++ without $need -> $out"
