#!/usr/bin/env bash
# examples/persistent-identity prints the same identifier at every run with the same --home,
# another for another name; and seed 001's Bob, trusting only Alice's identifier, accepts her
# again after she restarts with her --home.
# Usage: persistent_identity.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1

first=$("$bin/persistent-identity" --home "$work/home")
second=$("$bin/persistent-identity" --home "$work/home")
other=$("$bin/persistent-identity" --home "$work/home" --name other)
echo "$first" | grep -q "^Identifier: I[0-9a-f]\{64\}$"
[ "$first" = "$second" ] || { echo "the identifier changed across runs: $first / $second" >&2; exit 1; }
[ "$first" != "$other" ] || { echo "two names gave one identifier" >&2; exit 1; }
[ "$(stat -c %a "$work/home/vault.key")" = 600 ]

# Alice's identifier, kept in her home, is the one Bob trusts.
"$bin/04-secure-channel-alice" --home "$work/alice" --to 127.0.0.1:1 >"$work/alice0.out" 2>&1 || true
alice=$(awk '/^Alice identifier:/{print $3}' "$work/alice0.out")
[ -n "$alice" ] || { cat "$work/alice0.out" >&2; exit 1; }
start bob "$bin/04-secure-channel-bob" --listen 127.0.0.1:0 --trust "$alice"
bob_address=$(address_of bob "Bob listening on")
for run in 1 2; do
  "$bin/04-secure-channel-alice" --home "$work/alice" --to "$bob_address" >"$work/alice$run.out"
  grep -q "^Alice identifier: $alice$" "$work/alice$run.out"
  grep -q "^App Received: Hello Ockam!$" "$work/alice$run.out"
done
stop_cleanly bob
echo "persistent identity: ok"
