#!/usr/bin/env bash
# The main demo: seed 003's secure channel over two TCP hops. Starts the responder (port 4000)
# and the middle node (port 3000), runs the initiator, which prints
# "App Received: Hello Ockam!", then stops both servers.
#
# It builds only the programs it runs, in a build folder of its own (build-demo/: no tests,
# benchmarks or tools), so a first run takes a few minutes rather than the full build's.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

build=build-demo
flags=(-DCMAKE_BUILD_TYPE=Release -DOCKAM_BUILD_TESTS=OFF -DOCKAM_BUILD_EXAMPLES=ON
       -DOCKAM_BUILD_BENCH=OFF -DOCKAM_BUILD_TOOLS=OFF)
if command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
fi
cmake -S . -B "$build" -G Ninja "${flags[@]}" >/dev/null

logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$logs"' EXIT

# demo_build TARGET...: builds just these programs (and the libraries they link); shows the
# compiler's output only if the build fails.
demo_build() {
  echo "demo: building $* (the first run compiles the library: a few minutes)" >&2
  if ! cmake --build "$build" -j2 --target "$@" >"$logs/build" 2>&1; then
    cat "$logs/build" >&2
    return 1
  fi
}

# wait_for FILE TEXT: waits up to 20 s for a server to print TEXT.
wait_for() {
  for _ in $(seq 1 200); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "demo: a server did not start; its output:" >&2
  cat "$1" >&2
  return 1
}

# stop_servers: stops the servers started so far.
stop_servers() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  pids=()
}

# Seed 003: responder <- middle <- initiator.
seed_003=$build/examples/05-secure-channel-over-two-transport-hops
demo_build 05-secure-channel-over-two-transport-hops-responder \
  05-secure-channel-over-two-transport-hops-middle 05-secure-channel-over-two-transport-hops-initiator
responder_port=${RESPONDER_PORT:-4000}
middle_port=${MIDDLE_PORT:-3000}
"$seed_003-responder" --listen "127.0.0.1:$responder_port" >"$logs/responder" 2>&1 &
pids+=($!)
wait_for "$logs/responder" "listening on"
"$seed_003-middle" --listen "127.0.0.1:$middle_port" --to "127.0.0.1:$responder_port" \
  >"$logs/middle" 2>&1 &
pids+=($!)
wait_for "$logs/middle" "listening on"
"$seed_003-initiator" --to "127.0.0.1:$middle_port"
stop_servers

# --- Portal demo (issue 10): a local HTTP server behind an outlet, curl through an inlet. ---
# Every port is picked at run time; the outlet's node and the inlet's node talk through a
# secure channel.
demo_build portal-outlet portal-inlet
portal_www="$logs/www"
mkdir "$portal_www"
echo "Hello through an Ockam portal!" >"$portal_www/index.html"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$portal_www" >"$logs/http" 2>&1 &
pids+=($!)
wait_for "$logs/http" "Serving HTTP"
http_port=$(sed -nE 's/.* port ([0-9]+).*/\1/p' "$logs/http" | head -1)
"$build/examples/portal-outlet" --listen 127.0.0.1:0 --target "127.0.0.1:$http_port" \
  >"$logs/outlet" 2>&1 &
pids+=($!)
wait_for "$logs/outlet" "^listening on"
outlet_address=$(awk '/^listening on/ {print $NF; exit}' "$logs/outlet")
"$build/examples/portal-inlet" --from 127.0.0.1:0 --to "$outlet_address" >"$logs/inlet" 2>&1 &
pids+=($!)
wait_for "$logs/inlet" "inlet listening on"
inlet_address=$(awk '/inlet listening on/ {print $NF; exit}' "$logs/inlet")
echo "curl http://$inlet_address/ (through inlet -> secure channel -> outlet -> http.server):"
curl -sS --max-time 10 "http://$inlet_address/"
stop_servers
