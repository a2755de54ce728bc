#!/usr/bin/env bash
# Seed 003's middle node when nothing listens at the responder's address: it prints one error
# line that names the address and the reason, and exits with status 1.
# Usage: seed_003_unreachable_responder.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1

# A port that was just free: a responder binds port 0, reports it, and is stopped.
start responder "$bin/05-secure-channel-over-two-transport-hops-responder" --listen 127.0.0.1:0
closed=$(address_of responder "Responder listening on")
stop_cleanly responder

status=0
"$bin/05-secure-channel-over-two-transport-hops-middle" --listen 127.0.0.1:0 --to "$closed" \
  >"$work/middle.out" 2>"$work/middle.err" || status=$?
cat "$work/middle.err"
expected="Error: transport/io: TCP connect failed ($closed: Connection refused)"
if [ "$status" -ne 1 ] || [ "$(cat "$work/middle.err")" != "$expected" ]; then
  echo "expected exit status 1 and exactly this on stderr: $expected (status $status)" >&2
  exit 1
fi
echo "seed 003 middle, responder unreachable: ok"
