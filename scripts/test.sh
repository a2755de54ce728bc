#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite.
#   scripts/test.sh             release build, clang-tidy on src/ (scripts/tidy.sh), then unit,
#                               vector, example, multi-process and install tests, then a bounded
#                               libFuzzer run of every fuzz target (clang build)
#   scripts/test.sh --sanitize  the same suite under AddressSanitizer + UBSan (no fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

if [ "${1:-}" = "--sanitize" ]; then
  scripts/build.sh --sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest --test-dir build-sanitize --output-on-failure -j2 --timeout 300
  exit 0
fi

scripts/build.sh
scripts/tidy.sh build
ctest --test-dir build --output-on-failure -j2 --timeout 300
scripts/build.sh --fuzz
ctest --test-dir build-fuzz --output-on-failure -j2 -L fuzz
