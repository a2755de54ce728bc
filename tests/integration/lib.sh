# Helpers for the multi-process tests: start servers on free loopback ports and stop them.
set -euo pipefail

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME COMMAND...: runs COMMAND in the background with output in $work/NAME.out.
start() {
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  eval "${name}_pid=$!"
}

# wait_for NAME PATTERN: waits (at most 20 s) until NAME printed a line matching PATTERN and
# prints that line.
wait_for() {
  local name=$1 pattern=$2
  local pid_var="${name}_pid"
  for _ in $(seq 1 200); do
    if grep -q "$pattern" "$work/$name.out" 2>/dev/null; then
      grep -m1 "$pattern" "$work/$name.out"
      return 0
    fi
    if [ -n "${!pid_var:-}" ] && ! kill -0 "${!pid_var}" 2>/dev/null; then
      break  # the process ended without printing it
    fi
    sleep 0.1
  done
  echo "timed out waiting for '$pattern' from $name" >&2
  cat "$work/$name.out" "$work/$name.err" >&2 || true
  return 1
}

# address_of NAME PATTERN: the HOST:PORT at the end of NAME's line matching PATTERN.
address_of() {
  wait_for "$1" "$2" | awk '{print $NF}'
}

# stop_cleanly NAME: sends SIGTERM and checks the process exits with status 0.
stop_cleanly() {
  local pid_var="${1}_pid"
  local pid=${!pid_var}
  kill -TERM "$pid"
  local status=0
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "$1 exited with status $status after SIGTERM" >&2
    cat "$work/$1.err" >&2 || true
    return 1
  fi
}
