#!/usr/bin/env bash
# Seed 003 across three hosts: responder, middle and initiator each run in a network namespace
# of their own, joined by veth pairs (responder <-> middle on 10.213.1.0/24, middle <-> initiator
# on 10.213.2.0/24; these addresses exist only inside the namespaces). Then a stream of messages
# goes through the channel and the middle <-> initiator link is cut: the initiator must stop
# with an error, not hang.
# Needs root and a working `ip netns`; otherwise, or when OCKAM_NETNS_DISABLE is set, it exits
# with status 77 (ctest: skipped).
# Usage: multi_host_netns.sh EXAMPLES_DIR TEST_PROGRAMS_DIR
set -euo pipefail

# skip REASON: reports why the test cannot run here and exits with ctest's skip status.
skip() {
  echo "multi_host_netns skipped: $1"
  exit 77
}

if [ -n "${OCKAM_NETNS_DISABLE:-}" ]; then
  skip "OCKAM_NETNS_DISABLE is set"
fi
if [ "$(id -u)" -ne 0 ]; then
  skip "needs root to create network namespaces"
fi
if ! command -v ip >/dev/null 2>&1; then
  skip "needs the ip command (iproute2)"
fi

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
bin=$1
test_bin=$2
prefix=05-secure-channel-over-two-transport-hops

# Namespace names are unique per run; netns_cleanup always stops the processes (TERM, then
# KILL after 5 s) and deletes the namespaces, which also deletes the veth pairs inside them.
ns_prefix="ockam-test-$$-$RANDOM"
responder_ns="$ns_prefix-responder"
middle_ns="$ns_prefix-middle"
initiator_ns="$ns_prefix-initiator"
namespaces=()
netns_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local running=0
    for pid in "${pids[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then running=1; fi
    done
    if [ "$running" -eq 0 ]; then break; fi
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  local ns
  for ns in "${namespaces[@]}"; do ip netns delete "$ns" 2>/dev/null || true; done
  cleanup
}
trap netns_cleanup EXIT
trap 'exit 1' INT TERM HUP

# wait_exit NAME SECONDS: waits at most SECONDS for NAME to exit and sets exit_status to its
# exit status; fails if NAME is still running then.
wait_exit() {
  local pid_var="${1}_pid"
  local pid=${!pid_var}
  for _ in $(seq 1 $(($2 * 10))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      exit_status=0
      wait "$pid" || exit_status=$?
      return 0
    fi
    sleep 0.1
  done
  echo "$1 still running after $2 s" >&2
  cat "$work/$1.out" "$work/$1.err" >&2 || true
  return 1
}

# stop_in_time NAME: sends SIGTERM and checks NAME exits with status 0 within 10 s.
stop_in_time() {
  local pid_var="${1}_pid"
  kill -TERM "${!pid_var}"
  wait_exit "$1" 10
  if [ "$exit_status" -ne 0 ]; then
    echo "$1 exited with status $exit_status after SIGTERM" >&2
    cat "$work/$1.err" >&2 || true
    return 1
  fi
}

# Three namespaces ("hosts"), each with its loopback up.
for ns in "$responder_ns" "$middle_ns" "$initiator_ns"; do
  if ! ip netns add "$ns" 2>"$work/netns.err"; then
    skip "ip netns add is not permitted here ($(head -n1 "$work/netns.err"))"
  fi
  namespaces+=("$ns")
  ip -n "$ns" link set lo up
done
if ! ip netns exec "$responder_ns" true 2>"$work/netns.err"; then
  skip "ip netns exec is not permitted here ($(head -n1 "$work/netns.err"))"
fi

# The veth pairs are created inside the namespaces: nothing appears in the host's namespace.
if ! ip -n "$middle_ns" link add to-responder type veth peer name to-middle \
  netns "$responder_ns" 2>"$work/netns.err"; then
  skip "cannot create veth pairs here ($(head -n1 "$work/netns.err"))"
fi
ip -n "$middle_ns" link add to-initiator type veth peer name to-middle netns "$initiator_ns"
ip -n "$responder_ns" address add 10.213.1.1/24 dev to-middle
ip -n "$middle_ns" address add 10.213.1.2/24 dev to-responder
ip -n "$middle_ns" address add 10.213.2.1/24 dev to-initiator
ip -n "$initiator_ns" address add 10.213.2.2/24 dev to-middle
ip -n "$responder_ns" link set to-middle up
ip -n "$middle_ns" link set to-responder up
ip -n "$middle_ns" link set to-initiator up
ip -n "$initiator_ns" link set to-middle up

# Seed 003 across the three hosts.
start responder ip netns exec "$responder_ns" "$bin/$prefix-responder" --listen 10.213.1.1:0
responder_address=$(address_of responder "Responder listening on")
start middle ip netns exec "$middle_ns" "$bin/$prefix-middle" \
  --listen 10.213.2.1:0 --to "$responder_address"
middle_address=$(address_of middle "Middle listening on")

timeout 30 ip netns exec "$initiator_ns" "$bin/$prefix-initiator" --to "$middle_address" |
  tee "$work/initiator.out"
grep -q "^App Received: Hello Ockam!$" "$work/initiator.out"
grep -q "Received: Hello Ockam!" "$work/responder.out"
echo "seed 003 across three network namespaces: ok"

# A stream through a new channel; cut the middle <-> initiator link while it runs.
start stream ip netns exec "$initiator_ns" "$test_bin/stream-initiator" \
  --to "$middle_address" --count 100000000 --seconds 120 --timeout-ms 2000
wait_for stream "^stream started$"
wait_for stream "^stream replies: 300$"
ip -n "$middle_ns" link set to-initiator down
echo "cut the middle <-> initiator link"

wait_exit stream 30
cat "$work/stream.out"
if [ "$exit_status" -ne 3 ]; then
  echo "stream-initiator exited with status $exit_status, expected 3 (stream error)" >&2
  cat "$work/stream.err" >&2 || true
  exit 1
fi
grep -q "^stream error: " "$work/stream.out"

stop_in_time middle
stop_in_time responder
echo "cut link during a stream across network namespaces: the initiator failed with an error: ok"
