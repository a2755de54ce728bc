#!/usr/bin/env bash
# run_fuzzer.sh FUZZER SEED_CORPUS WORK_DIR: a bounded libFuzzer run (OCKAM_FUZZ_SECONDS, default 5).
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3
mkdir -p "$work"
exec "$fuzzer" -max_total_time="${OCKAM_FUZZ_SECONDS:-5}" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$work" "$seeds"
