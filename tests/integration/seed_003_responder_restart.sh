#!/usr/bin/env bash
# Seed 003 with the responder killed (SIGKILL) and restarted on the same port: the middle's
# relay reconnects by itself, and the initiator's next channel through the middle works
# without restarting the middle. Prints how long the route took to recover.
# Usage: seed_003_responder_restart.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1
prefix=05-secure-channel-over-two-transport-hops

start responder "$bin/$prefix-responder" --listen 127.0.0.1:0
responder_address=$(address_of responder "Responder listening on")
start middle "$bin/$prefix-middle" --listen 127.0.0.1:0 --to "$responder_address"
middle_address=$(address_of middle "Middle listening on")

timeout 60 "$bin/$prefix-initiator" --to "$middle_address" >"$work/initiator1.out"
grep -q "^App Received: Hello Ockam!$" "$work/initiator1.out"

kill -KILL "$responder_pid"
wait "$responder_pid" 2>/dev/null || true
killed_at=$(date +%s.%N)
mv "$work/responder.out" "$work/responder1.out"
start responder "$bin/$prefix-responder" --listen "$responder_address"
wait_for responder "Responder listening on" >/dev/null

timeout 60 "$bin/$prefix-initiator" --to "$middle_address" >"$work/initiator2.out"
recovered_at=$(date +%s.%N)
grep -q "^App Received: Hello Ockam!$" "$work/initiator2.out"
grep -q "Received: Hello Ockam!" "$work/responder.out"
kill -0 "$middle_pid"  # the same middle process served both
echo "route recovered $(awk "BEGIN { printf \"%.2f\", $recovered_at - $killed_at }") s after the responder was killed"

stop_cleanly middle
stop_cleanly responder
echo "seed 003 with a restarted responder: ok"
