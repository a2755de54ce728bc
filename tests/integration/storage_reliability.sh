#!/usr/bin/env bash
# Reliability of the node database, run by separate processes (tests/integration/storage_worker):
#  1. kill -9 during a loop that creates identities and keys: the database opens again, every
#     identity whose creation returned is complete and loads, none is half-written;
#  2. two processes creating identities in one database at once: neither sees an error
#     ("database is locked"), no identity is lost.
# Usage: storage_reliability.sh WORKER [--postgres]
#   --postgres: the same against a PostgreSQL test server (tests/support/postgres.sh; skipped
#   with status 77 where it cannot start).
source "$(dirname "$0")/lib.sh"
worker=$1
backend=sqlite
if [ "${2:-}" = "--postgres" ]; then
  backend=postgres
  source "$(dirname "$0")/../support/postgres.sh"
  postgres_require
fi

# fresh_home NAME: sets `home` to an empty node folder (and, for PostgreSQL, points the nodes
# at an empty database).
fresh_home() {
  home="$work/$1"
  mkdir -p "$home"
  if [ "$backend" = postgres ]; then
    OCKAM_DATABASE_CONNECTION_URL=$(postgres_create_database "$1")
    export OCKAM_DATABASE_CONNECTION_URL
  fi
}

# 1. kill -9 in the middle of creations, three times at different points.
fresh_home killed
for round in 1 2 3; do
  start creator "$worker" create --home "$home" --prefix "round$round" --count 100000
  wait_for creator "^created round$round-$((round * 3)) " >/dev/null
  kill -KILL "$creator_pid"
  wait "$creator_pid" 2>/dev/null || true
  cat "$work/creator.out" >>"$work/created.all"
done
"$worker" check --home "$home" >"$work/check.out"
returned=$(grep -c '^created ' "$work/created.all")
while read -r _ name identifier; do
  if ! grep -q "^ok $name $identifier$" "$work/check.out"; then
    echo "identity $name ($identifier) was created before the kill but does not load" >&2
    exit 1
  fi
done < <(grep '^created ' "$work/created.all")
stored=$(awk '/^identities /{print $2}' "$work/check.out")
# Every stored identity loaded (check exits 1 otherwise); at most one per round was cut off
# after it was stored but before its creation returned.
if [ "$stored" -lt "$returned" ] || [ "$stored" -gt $((returned + 3)) ]; then
  echo "stored $stored identities, $returned creations returned" >&2
  exit 1
fi
echo "kill -9 ($backend): $returned returned, $stored stored, all load"

# 2. Two processes creating at once in one database.
fresh_home concurrent
start first "$worker" create --home "$home" --prefix first --count 25
start second "$worker" create --home "$home" --prefix second --count 25
for name in first second; do
  pid_var="${name}_pid"
  status=0
  wait "${!pid_var}" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "the $name creator failed:" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
done
"$worker" check --home "$home" >"$work/check2.out"
grep -q '^identities 50$' "$work/check2.out" || { cat "$work/check2.out" >&2; exit 1; }
for name in first second; do
  [ "$(grep -c "^created " "$work/$name.out")" -eq 25 ]
done
echo "concurrent creation ($backend): 50 identities, no error"
echo "storage reliability ($backend): ok"
