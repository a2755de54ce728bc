#!/usr/bin/env bash
# Static checks of the library code, failing on any finding (docs/static_analysis.md):
#   1. the coroutine-lambda check on all of src/ and include/;
#   2. clang-tidy 14 with .clang-tidy on the places named in OCKAM_TIDY_MODULES: "all" (the
#      default) is all of src/ and the public headers, "tools" is tools/, any other word a
#      module under src/ (e.g. OCKAM_TIDY_MODULES="storage cli" for a quicker local run).
# Needs a configured build folder for compile_commands.json (default build/).
#   scripts/tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
modules=${OCKAM_TIDY_MODULES:-all}

python3 scripts/check_coroutine_lambdas.py $(find src include -name '*.cpp' -o -name '*.hpp')

# A header is reported with the sources of its own module only, so a finding shows up once.
files=()
header_dirs=()
for module in $modules; do
  case "$module" in
    all)
      files+=("$PWD/src/")
      header_dirs+=("$PWD/include/ockam/" "$PWD/src/") ;;
    tools)
      files+=("$PWD/tools/")
      header_dirs+=("$PWD/tools/") ;;
    *)
      files+=("$PWD/src/$module/")
      header_dirs+=("$PWD/include/ockam/$module/" "$PWD/src/$module/internal/") ;;
  esac
done
header_filter=$(IFS='|'; echo "(${header_dirs[*]})")

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
