#!/usr/bin/env bash
# `ockam` identities, nodes, messages, secure channels and access control, each command
# checked by its result (a fresh $OCKAM_HOME; every node deleted at the end).
# Usage: cli_nodes_messages.sh PATH_TO_OCKAM
source "$(dirname "$0")/cli_lib.sh" "$1"
umask 022  # what ockam writes must be private whatever the caller's umask

# Identities: create, list, show, default; the machine output is the identifier.
alice=$(ockam identity create alice)
[[ "$alice" =~ ^I[0-9a-f]{64}$ ]] || fail "identity create printed '$alice'"
expect_eq "identity show" "$(ockam identity show alice)" "$alice"
expect_eq "first identity is the default" "$(ockam identity default)" "alice"
mallory=$(ockam identity create mallory)
expect_eq "identity list (json)" \
  "$(ockam identity list --output json | jq -r '[.[].name] | join(",")')" "alice,mallory"
expect_eq "identity show --full (json)" \
  "$(ockam identity show mallory --full --output json | jq -r .identifier)" "$mallory"

# Nodes: create in the background, list shows them running with alice's identity.
expect_eq "node create n1" "$(ockam node create n1)" "n1"
expect_eq "node create n2" "$(ockam node create n2)" "n2"
expect_eq "node list" "$(ockam node list --output json | jq -r '[.[] | .name + ":" + .status] | join(",")')" \
  "n1:running,n2:running"
expect_eq "node identifier" "$(ockam node show n1 --output json | jq -r .identifier)" "$alice"

# Messages: from this process, from a node, through a secure channel from the piped output.
expect_eq "message to uppercase" "$(ockam message send hello --to /node/n1/service/uppercase)" "HELLO"
expect_eq "message from n1 through a secure channel to n2's echo" \
  "$(ockam message send hello --from n1 --to /node/n2/secure/api/service/echo)" "hello"
channel=$(ockam secure-channel create --from n1 --to /node/n2/service/api)
[[ "$channel" =~ ^/service/ ]] || fail "secure-channel create printed '$channel'"
expect_eq "secure channel output piped into message send" \
  "$(echo "$channel" | ockam message send piped --from n1 --to -/service/uppercase)" "PIPED"
expect_eq "secure-channel list" "$(ockam secure-channel list --at n1)" "$channel"
expect_eq "secure-channel delete" "$(ockam secure-channel delete "$channel" --at n1)" "$channel"
expect_eq "secure-channel list after delete" "$(ockam secure-channel list --at n1 --output json)" "[]"
expect_eq "secure-channel-listener create" \
  "$(ockam secure-channel-listener create extra --at n2)" "/service/extra"
expect_eq "message through the new listener" \
  "$(ockam message send hi --from n1 --to /node/n2/secure/extra/service/uppercase)" "HI"

# Access: another identity is refused (77) and the node logs the refusal.
expect_status "mallory cannot control n1" 77 \
  "$ockam_bin" message send hi --from n1 --to /node/n2/service/echo --identity mallory
grep -q "refused" "$OCKAM_HOME/nodes/n1/stderr.log" || fail "n1 did not log the refusal"
echo "ok: refusal logged"

# Bad arguments: usage errors (64), never a crash or a hang.
expect_status "bad node name" 64 "$ockam_bin" node create "bad name!"
expect_status "missing --to" 64 "$ockam_bin" message send hi
expect_status "bad multiaddr" 64 "$ockam_bin" message send hi --to /bogus/x
expect_status "bad output format" 64 "$ockam_bin" --output xml status
expect_status "unknown command" 64 "$ockam_bin" frobnicate
expect_status "reset without --yes" 64 "$ockam_bin" reset

# Stop: status from the process, a stopped node answers 69; start brings it back.
expect_eq "node stop" "$(ockam node stop n2)" "n2"
expect_eq "n2 stopped" "$(ockam node show n2 --output json | jq -r .status)" "stopped"
expect_status "message from a stopped node" 69 \
  "$ockam_bin" message send hi --from n2 --to /node/n1/service/echo
expect_eq "node start" "$(ockam node start n2)" "n2"
expect_eq "n2 answers again" "$(ockam message send again --from n2 --to /node/n1/service/uppercase)" "AGAIN"

# Status and delete.
expect_eq "status (json)" "$(ockam status --output json | jq -r '[.nodes[].name] | join(",")')" "n1,n2"

# An identity name with a space: the node keeps it across a stop and a start.
bob=$(ockam identity create "bob smith")
expect_eq "node create n3 as bob smith" "$(ockam node create n3 --identity "bob smith")" "n3"
ockam node stop n3 >/dev/null
expect_eq "node start n3" "$(ockam node start n3)" "n3"
expect_eq "n3 keeps bob smith's identifier" \
  "$(ockam node show n3 --output json | jq -r .identifier)" "$bob"
ockam node delete n3 -y >/dev/null

# Deleting the default node makes the oldest node left the default.
expect_eq "default node" "$(ockam node show)" "n1"
ockam node delete n1 -y >/dev/null
expect_eq "node list after delete" "$(ockam node list)" "n2"
expect_eq "the oldest node left is the default" "$(ockam node show)" "n2"

# What ockam writes is its user's only, whatever the umask it was started with.
expect_eq "state folder mode" "$(stat -c %a "$OCKAM_HOME")" "700"
expect_eq "database mode" "$(stat -c %a "$OCKAM_HOME/database.sqlite3")" "600"
expect_eq "node log mode" "$(stat -c %a "$OCKAM_HOME/nodes/n2/stderr.log")" "600"

# Reset: every node stopped (its process gone, not a zombie), every record and identity gone.
n2_pid=$(ockam node show n2 --output json | jq -r .pid)
ockam reset --yes >/dev/null
if [ -e "/proc/$n2_pid" ] && ! grep -q ') Z' "/proc/$n2_pid/stat"; then
  fail "reset left n2 (pid $n2_pid) running"
fi
expect_eq "node list after reset" "$(ockam node list --output json)" "[]"
expect_eq "identity list after reset" "$(ockam identity list --output json)" "[]"
echo "cli nodes and messages: ok"
