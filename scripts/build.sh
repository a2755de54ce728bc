#!/usr/bin/env bash
# Configures and builds ockam-cpp.
#   scripts/build.sh             release build with g++ into build/
#   scripts/build.sh --sanitize  ASan+UBSan build into build-sanitize/
#   scripts/build.sh --fuzz      libFuzzer targets with clang into build-fuzz/
set -euo pipefail
cd "$(dirname "$0")/.."

mode=release
for arg in "$@"; do
  case "$arg" in
    --sanitize) mode=sanitize ;;
    --fuzz) mode=fuzz ;;
    *) echo "usage: $0 [--sanitize|--fuzz]" >&2; exit 2 ;;
  esac
done

case "$mode" in
  release)
    dir=build
    flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DOCKAM_BUILD_TESTS=ON -DOCKAM_BUILD_EXAMPLES=ON
           -DOCKAM_BUILD_BENCH=ON -DOCKAM_BUILD_TOOLS=ON) ;;
  sanitize)
    dir=build-sanitize
    flags=(-DCMAKE_BUILD_TYPE=Debug -DOCKAM_SANITIZE=ON -DOCKAM_BUILD_TESTS=ON
           -DOCKAM_BUILD_EXAMPLES=ON -DOCKAM_BUILD_BENCH=OFF -DOCKAM_BUILD_TOOLS=ON) ;;
  fuzz)
    dir=build-fuzz
    flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DOCKAM_BUILD_FUZZ=ON
           -DOCKAM_BUILD_TESTS=OFF -DOCKAM_BUILD_EXAMPLES=OFF -DOCKAM_BUILD_BENCH=OFF
           -DOCKAM_BUILD_TOOLS=OFF) ;;
esac

# ccache, where installed, makes rebuilds of unchanged sources cheap; paths relative to the
# checkout let other checkouts (worktrees, CI clones) share its cache.
if command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
fi

cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir" -j2
