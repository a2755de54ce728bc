#!/usr/bin/env bash
# A 50 MiB file from `python3 -m http.server`, fetched with curl through
# inlet -> secure channel -> outlet, first directly, then through seed 003's middle node as a
# relay: both copies must have the file's SHA-256.
# Usage: portal_http.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
bin=$1

mkdir "$work/www"
head -c $((50 * 1024 * 1024)) /dev/urandom >"$work/www/big.bin"
expected=$(sha256sum "$work/www/big.bin" | cut -d' ' -f1)

start web python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/www"
web_port=$(wait_for web "Serving HTTP" | sed -E 's/.* port ([0-9]+).*/\1/')
start outlet "$bin/portal-outlet" --listen 127.0.0.1:0 --target "127.0.0.1:$web_port"
outlet_address=$(address_of outlet "^listening on")

# fetch NAME INLET_ADDRESS: curl the file through the inlet and check its hash.
fetch() {
  local speed
  speed=$(curl -sS --max-time 60 -o "$work/$1.bin" -w '%{speed_download}' "http://$2/big.bin")
  local got
  got=$(sha256sum "$work/$1.bin" | cut -d' ' -f1)
  if [ "$got" != "$expected" ]; then
    echo "$1: SHA-256 $got, expected $expected" >&2
    exit 1
  fi
  echo "$1: 50 MiB through the portal, SHA-256 matches ($((${speed%.*} / 1048576)) MiB/s)"
}

start inlet "$bin/portal-inlet" --from 127.0.0.1:0 --to "$outlet_address"
fetch direct "$(address_of inlet "inlet listening on")"

start middle "$bin/05-secure-channel-over-two-transport-hops-middle" --listen 127.0.0.1:0 \
  --to "$outlet_address"
middle_address=$(address_of middle "Middle listening on")
start relayed_inlet "$bin/portal-inlet" --from 127.0.0.1:0 --via "$middle_address"
fetch relayed "$(address_of relayed_inlet "inlet listening on")"

stop_cleanly relayed_inlet
stop_cleanly middle
stop_cleanly inlet
stop_cleanly outlet
echo "portal http: ok"
