#!/usr/bin/env bash
# `ockam` TCP portals to `python3 -m http.server`, checked with curl: directly (inlet on n2 ->
# secure channel -> outlet on n1), through a relay on node r, after stopping and starting the
# nodes (same identifiers, outlets, inlets and relays re-created from the database; the inlets'
# node first, so its inlets wait, Down, for the outlet's), after
# restarting only the outlet's node (the inlet connects again by itself), and a node
# created from a YAML configuration. A fresh $OCKAM_HOME; every node deleted at the end.
# Usage: cli_portals.sh PATH_TO_OCKAM
source "$(dirname "$0")/cli_lib.sh" "$1"

mkdir "$work/www"
echo "hello through the portal" >"$work/www/page.txt"
start web python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/www"
web_port=$(wait_for web "Serving HTTP" | sed -E 's/.* port ([0-9]+).*/\1/')

ockam node create n1 >/dev/null
ockam node create n2 >/dev/null
ockam node create r >/dev/null
n1_id=$(ockam node show n1 --output json | jq -r .identifier)

expect_eq "tcp-outlet create" "$(ockam tcp-outlet create --at n1 --to "$web_port")" "/service/outlet"
expect_eq "tcp-outlet list (json)" "$(ockam tcp-outlet list --at n1 --output json | jq -r '.[0].to')" \
  "127.0.0.1:$web_port"

# Directly: n2's inlet -> secure channel to n1's api -> outlet.
direct=$(ockam tcp-inlet create --at n2 --alias direct --to /node/n1/secure/api/service/outlet)
fetch_through "curl through the inlet" "$direct"

# Through a relay: n1 registers forward_to_n1 at r; n2's inlet reaches n1 through it.
expect_eq "relay create" "$(ockam relay create n1 --at r --to n1)" "forward_to_n1"
expect_eq "relay list (json)" "$(ockam relay list --to n1 --output json | jq -r '.[0].remote_address')" \
  "forward_to_n1"
relayed=$(ockam tcp-inlet create --at n2 --alias relayed \
  --to /node/r/service/forward_to_n1/secure/api/service/outlet)
fetch_through "curl through the relay" "$relayed"
expect_eq "tcp-inlet list" "$(ockam tcp-inlet list --at n2 | sort | tr '\n' ,)" "direct,relayed,"

# Stop both ends, then start the inlets' node first: its inlets come back on the same ports with
# status Down (the outlet's node is not up yet) and serve once it is, with the same identifier.
ockam node stop n1 >/dev/null
ockam node stop n2 >/dev/null
expect_eq "n1 stopped" "$(ockam node show n1 --output json | jq -r .status)" "stopped"
inlet_status() {
  ockam tcp-inlet list --at n2 --output json | jq -r ".[] | select(.alias == \"$1\") | .status"
}
ockam node start n2 >/dev/null
expect_eq "inlet Down while the outlet's node is stopped" "$(inlet_status direct)" "Down"
ockam node start n1 >/dev/null
expect_eq "same identifier after start" "$(ockam node show n1 --output json | jq -r .identifier)" "$n1_id"
fetch_eventually "curl through the re-created inlet" "$direct"
fetch_eventually "curl through the re-created relay" "$relayed"
expect_eq "inlet Up once the outlet's node is" "$(inlet_status direct)" "Up"

# Only the outlet's node restarts: the direct inlet on n2 finds its channel closed with the
# connection and connects again (docs/portals.md, "Liveness"; the relayed one would need its
# pings to go unanswered, 30 s and more). Clients are refused meanwhile: curl until served.
ockam node stop n1 >/dev/null
ockam node start n1 >/dev/null
fetch_eventually "curl after the outlet's node restarted" "$direct"

# Deleting an inlet closes its port.
ockam tcp-inlet delete direct --at n2 >/dev/null
if curl -sS --max-time 5 "http://$direct/page.txt" >/dev/null 2>&1; then
  fail "the deleted inlet still answers"
fi
echo "ok: deleted inlet closed"

# A node from a configuration file: an outlet and a relay at r; an inlet on n2 through them.
cat >"$work/n3.yaml" <<YAML
name: n3
tcp-outlets:
  web3:
    to: $web_port
relays:
  n3:
    at: /node/r
YAML
expect_eq "node create n3.yaml" "$(ockam node create "$work/n3.yaml")" "n3"
via_config=$(ockam tcp-inlet create --at n2 --alias config \
  --to /node/r/service/forward_to_n3/secure/api/service/web3)
fetch_through "curl to the configured node" "$via_config"
echo "cli portals: ok"
