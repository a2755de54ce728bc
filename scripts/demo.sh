#!/usr/bin/env bash
# The main demo: seed 003's secure channel over two TCP hops. Starts the responder and the
# middle node, runs the initiator (which prints "App Received: Hello Ockam!"), then stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh >/dev/null

examples=build/examples
if [ ! -x "$examples/05-secure-channel-over-two-transport-hops-initiator" ]; then
  echo "The TCP examples are not built yet; running the many-hops example instead."
  exec "$examples/04-routing-many-hops"
fi

responder_port=${RESPONDER_PORT:-4000}
middle_port=${MIDDLE_PORT:-3000}
"$examples/05-secure-channel-over-two-transport-hops-responder" --listen "127.0.0.1:$responder_port" &
responder=$!
trap 'kill $responder ${middle:-} 2>/dev/null || true' EXIT
sleep 0.5
"$examples/05-secure-channel-over-two-transport-hops-middle" --listen "127.0.0.1:$middle_port" \
  --to "127.0.0.1:$responder_port" &
middle=$!
sleep 0.5
"$examples/05-secure-channel-over-two-transport-hops-initiator" --to "127.0.0.1:$middle_port"
