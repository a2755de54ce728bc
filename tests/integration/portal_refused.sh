#!/usr/bin/env bash
# The outlet's target refuses connections: the inlet's client is closed within a second (the
# outlet answers the Ping with Disconnect), and the outlet keeps serving.
# Usage: portal_refused.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1
peer="$(dirname "$0")/portal_peer.py"

refused_port=$(python3 "$peer" refused-port)
start outlet "$bin/portal-outlet" --listen 127.0.0.1:0 --target "127.0.0.1:$refused_port"
outlet_address=$(address_of outlet "^listening on")
start inlet "$bin/portal-inlet" --from 127.0.0.1:0 --to "$outlet_address"
inlet_address=$(address_of inlet "inlet listening on")

for attempt in 1 2 3; do
  python3 "$peer" expect-close "$inlet_address" 1.0
done

stop_cleanly inlet
stop_cleanly outlet
echo "portal to a refusing target: ok"
