#!/usr/bin/env bash
# Seed 003 across three processes: responder, middle, initiator on free loopback ports.
# Usage: seed_003_two_hops.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1
prefix=05-secure-channel-over-two-transport-hops

start responder "$bin/$prefix-responder" --listen 127.0.0.1:0
responder_address=$(address_of responder "Responder listening on")
start middle "$bin/$prefix-middle" --listen 127.0.0.1:0 --to "$responder_address"
middle_address=$(address_of middle "Middle listening on")

"$bin/$prefix-initiator" --to "$middle_address" | tee "$work/initiator.out"
grep -q "^App Received: Hello Ockam!$" "$work/initiator.out"
grep -q "Received: Hello Ockam!" "$work/responder.out"

stop_cleanly middle
stop_cleanly responder
echo "seed 003 over two TCP hops: ok"
