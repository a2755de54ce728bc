#!/usr/bin/env bash
# Static checks of the library code, failing on any finding (docs/static_analysis.md):
#   1. the coroutine-lambda check on all of src/ and include/;
#   2. clang-tidy 14 with .clang-tidy on the sources and public headers of the modules listed
#      in OCKAM_TIDY_MODULES (default: the modules that are clean today), or of every module
#      with OCKAM_TIDY_MODULES=all.
# Needs a configured build folder for compile_commands.json (default build/).
#   scripts/tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
modules=${OCKAM_TIDY_MODULES:-api core node transport/tcp channel}

python3 scripts/check_coroutine_lambdas.py $(find src include -name '*.cpp' -o -name '*.hpp')

if [ "$modules" = all ]; then
  files=("$PWD/src/")
  header_filter="$PWD/(include/ockam|src)/"
else
  files=()
  header_dirs=()
  for module in $modules; do
    files+=("$PWD/src/$module/")
    header_dirs+=("$PWD/include/ockam/$module/" "$PWD/src/$module/internal/")
  done
  header_filter=$(IFS='|'; echo "(${header_dirs[*]})")
fi

# The compile commands are g++'s: clang needs to be told Asio's coroutines are there, and to
# ignore g++-only warning flags.
if ! run-clang-tidy-14 -p "$build" -j2 -quiet -header-filter="$header_filter" \
  -extra-arg=-Wno-unknown-warning-option \
  -extra-arg=-DASIO_HAS_CO_AWAIT=1 -extra-arg=-DASIO_HAS_STD_COROUTINE=1 \
  "${files[@]}" >"$build/clang-tidy.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$build/clang-tidy.log" | grep -E "(error|warning): " | sort -u >&2
  echo "tidy: clang-tidy found the problems above (full output: $build/clang-tidy.log)" >&2
  exit 1
fi
echo "tidy: clean (coroutine lambdas in src/ and include/; clang-tidy on: $modules)"
