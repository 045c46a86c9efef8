#!/usr/bin/env bash
# Regenerates tiny_mlp.torchscript.pt beside this script. Not part of the build or the tests: the file is committed.
#
# Debian 12's libtorch-dev (1.13.1) provides libtorch's C++ headers; its packages are downloaded and unpacked into a
# temporary folder (nothing is installed on the machine), the generator is compiled against them and run there.
# TorchScript files are forward compatible, so a file written by libtorch 1.13 loads in the libtorch 2.10 that
# TorchSharp uses (ModelLoaderTests checks exactly that).
set -Eeuo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/debs/partial" "$work/root"
apt-get install -y -d --no-install-recommends -o Dir::Cache::archives="$work/debs" libtorch-dev >"$work/apt.log" 2>&1 ||
    { echo "apt-get could not download libtorch-dev; see the log below" >&2; cat "$work/apt.log" >&2; exit 1; }
for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$work/root"; done

lib=$work/root/usr/lib/x86_64-linux-gnu
# Only libtorch's own symbols matter at link time; its many optional dependencies are found at run time.
g++ -std=c++17 -w -I"$work/root/usr/include" -I"$work/root/usr/include/torch/csrc/api/include" \
    "$here/make_tiny_mlp_torchscript.cpp" -L"$lib" -Wl,--allow-shlib-undefined -ltorch -ltorch_cpu -lc10 \
    -o "$work/make_tiny_mlp_torchscript"

libs=$(find "$work/root" -name '*.so*' -printf '%h\n' | sort -u | paste -sd:)
LD_LIBRARY_PATH=$libs "$work/make_tiny_mlp_torchscript" "$here/tiny_mlp.torchscript.pt"
sha256sum "$here/tiny_mlp.torchscript.pt"
