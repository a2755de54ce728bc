#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds and runs tests/install/consumer against
# it twice: with CMake (find_package(ockam)) and with pkg-config (ockam.pc).
#   install_consumer.sh BUILD_DIR CXX
set -euo pipefail
build=$1
cxx=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expected="Consumer Received: Hello from an installed ockam"

cmake --install "$build" --prefix "$work/prefix" >/dev/null

# The installed tree holds the headers, the libraries, the CMake package and ockam.pc.
test -f "$work/prefix/include/ockam/ockam.hpp"
config=$(find "$work/prefix" -name ockam-config.cmake)
pc=$(find "$work/prefix" -name ockam.pc)
test -n "$config" && test -n "$pc"

# With CMake (unoptimised: this checks linking, not speed).
cmake -S "$here/consumer" -B "$work/cmake-build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE= >/dev/null
cmake --build "$work/cmake-build" >/dev/null
out=$("$work/cmake-build/consumer")
echo "cmake consumer: $out"
[ "$out" = "$expected" ]

# With pkg-config.
export PKG_CONFIG_PATH="$(dirname "$pc")"
# shellcheck disable=SC2046  # pkg-config prints several words on purpose
"$cxx" -std=c++20 -o "$work/pkg-config-consumer" "$here/consumer/main.cpp" \
  $(pkg-config --cflags --libs ockam)
out=$("$work/pkg-config-consumer")
echo "pkg-config consumer: $out"
[ "$out" = "$expected" ]
