#!/usr/bin/env bash
# 100 concurrent connections through one inlet, each echoing 1 MiB of random bytes through
# inlet -> secure channel -> outlet -> echo server: every byte back in order; afterwards no
# portal socket is left open on either side.
# Usage: portal_echo.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1
peer="$(dirname "$0")/portal_peer.py"

start echo python3 -u "$peer" echo-server
echo_address=$(address_of echo "^listening on")
start outlet "$bin/portal-outlet" --listen 127.0.0.1:0 --target "$echo_address"
outlet_address=$(address_of outlet "^listening on")
start inlet "$bin/portal-inlet" --from 127.0.0.1:0 --to "$outlet_address"
inlet_address=$(address_of inlet "inlet listening on")

python3 "$peer" echo-clients "$inlet_address" 100 $((1024 * 1024))

# open_sockets PORT: established TCP connections to or from PORT on loopback.
open_sockets() {
  ss -Htn state established "( sport = :$1 or dport = :$1 )" | wc -l
}
for _ in $(seq 1 50); do
  left=$(($(open_sockets "${echo_address##*:}") + $(open_sockets "${inlet_address##*:}")))
  [ "$left" -eq 0 ] && break
  sleep 0.1
done
if [ "$left" -ne 0 ]; then
  echo "$left portal sockets still open 5 s after the clients finished" >&2
  exit 1
fi

stop_cleanly inlet
stop_cleanly outlet
echo "portal echo, 100 concurrent connections: ok"
