#!/usr/bin/env bash
# The main demo: seed 003's secure channel over two TCP hops. Starts the responder (port 4000)
# and the middle node (port 3000), runs the initiator, which prints
# "App Received: Hello Ockam!", then stops both servers.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh >/dev/null

examples=build/examples/05-secure-channel-over-two-transport-hops
responder_port=${RESPONDER_PORT:-4000}
middle_port=${MIDDLE_PORT:-3000}
logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$logs"' EXIT

# wait_for FILE TEXT: waits up to 20 s for a server to print TEXT.
wait_for() {
  for _ in $(seq 1 200); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "demo: a server did not start; its output:" >&2
  cat "$1" >&2
  return 1
}

"$examples-responder" --listen "127.0.0.1:$responder_port" >"$logs/responder" 2>&1 &
pids+=($!)
wait_for "$logs/responder" "listening on"
"$examples-middle" --listen "127.0.0.1:$middle_port" --to "127.0.0.1:$responder_port" \
  >"$logs/middle" 2>&1 &
pids+=($!)
wait_for "$logs/middle" "listening on"
"$examples-initiator" --to "127.0.0.1:$middle_port"
