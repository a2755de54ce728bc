# Helpers for the `ockam` command tests: a fresh $OCKAM_HOME, every node deleted at the end,
# bounded waits and assertions. Usage: source cli_lib.sh PATH_TO_OCKAM
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"  # $work, start, wait_for, cleanup

ockam_bin=$1
export OCKAM_HOME="$work/home"
ockam() { "$ockam_bin" "$@"; }

cli_cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    for log in "$OCKAM_HOME"/nodes/*/stderr.log; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  "$ockam_bin" node delete --all -y >/dev/null 2>&1 || true
  cleanup
  exit "$status"
}
trap cli_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
  echo "ok: $1"
}

# expect_status WHAT EXPECTED COMMAND...: runs COMMAND (at most 20 s) and checks its exit status.
expect_status() {
  local what=$1 expected=$2 status=0
  shift 2
  timeout 20 "$@" >"$work/last.out" 2>"$work/last.err" </dev/null || status=$?
  [ "$status" -eq "$expected" ] ||
    fail "$what: exit status $status, expected $expected ($(cat "$work/last.err"))"
  grep -q "^Error: " "$work/last.err" || [ "$expected" -eq 0 ] ||
    fail "$what: no 'Error:' line on stderr"
  echo "ok: $what (exit $status)"
}

# fetch_through WHAT HOST:PORT: curl the test page through an inlet and check its content.
fetch_through() {
  local body
  body=$(curl -sS --max-time 10 "http://$2/page.txt") || fail "$1: curl through $2 failed"
  expect_eq "$1" "$body" "hello through the portal"
}

# fetch_eventually WHAT HOST:PORT: fetch_through, once an inlet that is getting its path back
# serves again (it refuses clients until then); at most 30 s.
fetch_eventually() {
  local body deadline=$((SECONDS + 30))
  until body=$(curl -sS --max-time 10 "http://$2/page.txt" 2>/dev/null) &&
    [[ "$body" == "hello through the portal" ]]; do
    ((SECONDS < deadline)) || fail "$1: $2 did not serve the page again within 30 s"
    sleep 0.2
  done
  echo "ok: $1"
}
