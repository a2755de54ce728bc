#!/usr/bin/env bash
# Seeds 000/001 across two processes: Bob trusts everyone, then only Alice's identifier is
# accepted when he is given it, and another identifier is refused.
# Usage: seed_000_bob_alice.sh EXAMPLES_DIR [--key-exchange xx|x3dh]
source "$(dirname "$0")/lib.sh"
bin=$1
shift
kex=("$@")  # passed to both Bob and Alice

start bob "$bin/04-secure-channel-bob" --listen 127.0.0.1:0 "${kex[@]}"
bob_address=$(address_of bob "Bob listening on")
wait_for bob "^Bob identifier: I[0-9a-f]\{64\}$" >/dev/null
"$bin/04-secure-channel-alice" --to "$bob_address" "${kex[@]}" | tee "$work/alice.out"
grep -q "^Alice identifier: I[0-9a-f]\{64\}$" "$work/alice.out"
grep -q "^App Received: Hello Ockam!$" "$work/alice.out"
stop_cleanly bob

# A Bob that trusts only someone else refuses Alice: she gets an error, not a reply.
stranger=I$(printf '0%.0s' $(seq 1 64))
start picky_bob "$bin/04-secure-channel-bob" --listen 127.0.0.1:0 --trust "$stranger" "${kex[@]}"
picky_address=$(address_of picky_bob "Bob listening on")
status=0
"$bin/04-secure-channel-alice" --to "$picky_address" "${kex[@]}" >"$work/refused.out" 2>"$work/refused.err" || status=$?
if [ "$status" -eq 0 ] || grep -q "App Received" "$work/refused.out"; then
  echo "Alice was served by a Bob who does not trust her" >&2
  exit 1
fi
grep -q "Error:" "$work/refused.err"
stop_cleanly picky_bob
echo "seeds 000/001 bob and alice ${kex[*]}: ok"
