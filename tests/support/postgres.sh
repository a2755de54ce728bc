#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests: Debian's `postgresql` package, a fresh cluster in a
# temporary folder, TCP on a free loopback port plus a unix socket in that folder, trust
# authentication, superuser `postgres`, removed when stopped. Nothing is installed by hand.
#
# Two ways to use it:
#
# 1. As a wrapper: runs COMMAND with the server up, stops it, exits with COMMAND's status
#    (or 77 with the reason on stderr if the server cannot start):
#        tests/support/postgres.sh COMMAND [ARGS...]
#
# 2. Sourced from a bash test script:
#        source tests/support/postgres.sh
#        postgres_require            # starts it, or exits the script with 77 and the reason
#        psql -c 'select 1'          # PG* variables are exported
#        postgres_stop               # optional: also runs at exit
#    `postgres_start` does the same as `postgres_require` but returns 77 instead of exiting
#    (the reason is on stderr and in POSTGRES_SKIP_REASON). The server is stopped at exit through
#    an EXIT trap that runs after any EXIT trap the script set before calling postgres_start; if
#    the script sets its EXIT trap afterwards, it must call postgres_stop itself.
#
# While it runs these are exported:
#   OCKAM_DATABASE_CONNECTION_URL  postgres://postgres@127.0.0.1:PORT/postgres (Ockam's variable)
#   POSTGRES_URL                   the same URL
#   PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres   (for psql, libpq)
#   POSTGRES_SOCKET_DIR            folder holding the unix socket (.s.PGSQL.PORT)
#   POSTGRES_BIN                   folder of the server binaries (psql, createdb, ...)
#   POSTGRES_HELPER                this script's path, for a test program to source it
# `postgres_url NAME` prints the URL of database NAME on this server; `postgres_create_database
# NAME` creates it and prints its URL (one database per test keeps tests apart);
# `postgres_restart` restarts the server on the same port, closing every client's connection
# (a test program calls it with: bash -c 'source "$POSTGRES_HELPER" && postgres_restart').
#
# Tests run as root in CI, and PostgreSQL refuses to run as root: then the cluster is created
# and the server run as the `postgres` OS user (the folder is handed to it). The server is tuned
# for tests (no fsync), so never point it at data you care about. Starting takes about a second
# on an idle machine: the cluster is copied from a template made by the first start (kept in
# the temporary folder as ockam-postgres-template-15-USER). If the calling script dies without
# stopping the server (SIGKILL), a watcher process stops it and removes its folder.

POSTGRES_BIN=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
POSTGRES_SKIP_REASON=
_postgres_dir=
_postgres_pid=
_postgres_watcher=
_postgres_template=

# _postgres_as_owner COMMAND...: runs COMMAND as the user that owns the cluster.
_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

# _postgres_skip REASON: records why the server cannot run and returns 77.
_postgres_skip() {
  POSTGRES_SKIP_REASON=$1
  echo "SKIP: PostgreSQL test server: $1" >&2
  return 77
}

# _postgres_free_port: a loopback TCP port that nothing listens on right now, below Linux's
# ephemeral range so that the port-0 listeners and outgoing connections of other tests do not
# take it meanwhile. (A race with another process is caught when the server fails to bind.)
_postgres_free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# _postgres_chain_exit_trap: runs postgres_stop at exit before the EXIT trap already set, if any.
_postgres_chain_exit_trap() {
  local existing
  existing=$(trap -p EXIT)
  if [ -n "$existing" ]; then
    eval "set -- $existing"  # -> trap -- 'COMMAND' EXIT
    trap "postgres_stop; $3" EXIT
  else
    trap postgres_stop EXIT
  fi
}

# _postgres_watch PID: in the background, stops the server once PID is gone, so that a test killed
# with SIGKILL (a ctest timeout) leaves no server behind.
_postgres_watch() {
  local owner=$1 dir=$_postgres_dir server=$_postgres_pid
  (
    trap - EXIT
    while kill -0 "$owner" 2>/dev/null; do sleep 1; done
    # The server's current process: postgres_restart may have replaced the first one.
    kill -KILL "$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || echo "$server")" 2>/dev/null
    rm -rf "$dir"
  ) </dev/null >/dev/null 2>&1 &
  _postgres_watcher=$!
}

# _postgres_find_template: sets _postgres_template to a fresh cluster that servers are copied from.
# initdb takes seconds on a loaded machine and a copy a fraction of that, so the first server
# of a user creates it (in the temporary folder, published with an atomic rename) and later
# ones copy it. A template owned by anyone but the server's user is not used.
_postgres_find_template() {
  local owner=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
  fi
  _postgres_template="${TMPDIR:-/tmp}/ockam-postgres-template-15-$owner"
  if [ -f "$_postgres_template/ready" ] && [ "$(stat -c %U "$_postgres_template")" = "$owner" ]; then
    return 0
  fi
  local fresh="$_postgres_dir/template"
  _postgres_as_owner mkdir "$fresh" &&
    _postgres_as_owner "$POSTGRES_BIN/initdb" --pgdata="$fresh/data" --username=postgres \
      --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync --wal-segsize=1 >"$_postgres_dir/initdb.log" 2>&1 &&
    _postgres_as_owner touch "$fresh/ready" || return 1
  if ! _postgres_as_owner mv -T "$fresh" "$_postgres_template" 2>/dev/null; then
    _postgres_template=$fresh  # another test published one first, or the name is taken: use ours
  fi
}

# postgres_url [DATABASE]: the connection URL of DATABASE (default `postgres`) on this server.
postgres_url() {
  echo "postgres://postgres@127.0.0.1:${PGPORT}/${1:-postgres}"
}

# postgres_create_database NAME: creates database NAME and prints its URL.
postgres_create_database() {
  "$POSTGRES_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$1" >&2 || return 1
  postgres_url "$1"
}

# postgres_start: starts the server and exports the variables above; returns 77 (with the reason
# on stderr) if PostgreSQL cannot run here.
postgres_start() {
  if [ -n "$_postgres_pid" ]; then
    return 0
  fi
  local bin=$POSTGRES_BIN
  for tool in initdb pg_ctl postgres psql createdb; do
    if [ ! -x "$bin/$tool" ]; then
      _postgres_skip "$bin/$tool not found (install Debian's postgresql-15 package)"
      return
    fi
  done
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    _postgres_skip "running as root and there is no 'postgres' OS user to run the server"
    return
  fi

  _postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/ockam-postgres.XXXXXX") ||
    { _postgres_skip "cannot create a temporary folder"; return; }
  _postgres_chain_exit_trap
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$_postgres_dir"
  fi
  if ! _postgres_as_owner test -w "$_postgres_dir"; then
    _postgres_skip "the server's user cannot write to $_postgres_dir (set TMPDIR to a folder it can reach)"
    return
  fi

  if ! _postgres_find_template || ! _postgres_as_owner cp -a "$_postgres_template/data" "$_postgres_dir/data"; then
    _postgres_skip "initdb failed: $(tail -n 3 "$_postgres_dir/initdb.log" 2>/dev/null | tr '\n' ' ')"
    return
  fi

  # The port is free when chosen but another process may take it before the server binds it:
  # then try another one.
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(_postgres_free_port)
    if _postgres_as_owner "$bin/pg_ctl" --pgdata="$_postgres_dir/data" --log="$_postgres_dir/server.log" \
      --wait --timeout=30 --silent \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$_postgres_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      break
    fi
    port=
    if ! grep -q "could not bind\|already in use" "$_postgres_dir/server.log" 2>/dev/null; then
      break
    fi
    : "attempt $attempt: port taken, trying another"
  done
  if [ -z "$port" ]; then
    _postgres_skip "the server did not start: $(tail -n 3 "$_postgres_dir/server.log" 2>/dev/null | tr '\n' ' ')"
    return
  fi
  _postgres_pid=$(head -n 1 "$_postgres_dir/data/postmaster.pid")

  _postgres_watch "$$"

  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
  export POSTGRES_SOCKET_DIR=$_postgres_dir POSTGRES_BIN
  POSTGRES_HELPER=$(realpath "${BASH_SOURCE[0]}")
  export POSTGRES_HELPER
  POSTGRES_URL=$(postgres_url)
  export POSTGRES_URL OCKAM_DATABASE_CONNECTION_URL=$POSTGRES_URL
  if ! "$bin/psql" -X -q -t -c 'select 1' >/dev/null 2>"$_postgres_dir/psql.err"; then
    _postgres_skip "the server started but does not answer: $(head -n 2 "$_postgres_dir/psql.err" | tr '\n' ' ')"
    return
  fi
}

# postgres_require: postgres_start, or exit the calling script with 77 (skipped).
postgres_require() {
  postgres_start || exit 77
}

# postgres_restart: stops the server (fast: clients are disconnected) and starts it again with
# the same settings and port; works from any process that has the exported variables.
postgres_restart() {
  _postgres_as_owner "$POSTGRES_BIN/pg_ctl" --pgdata="$POSTGRES_SOCKET_DIR/data" \
    --log="$POSTGRES_SOCKET_DIR/server.log" --mode=fast --wait --timeout=30 --silent restart >/dev/null
}

# postgres_stop: stops the server (immediately: its data is thrown away) and removes its folder.
postgres_stop() {
  if [ -n "$_postgres_pid" ]; then
    _postgres_as_owner "$POSTGRES_BIN/pg_ctl" --pgdata="$_postgres_dir/data" --mode=immediate \
      --wait --timeout=20 --silent stop >/dev/null 2>&1 || kill -KILL "$_postgres_pid" 2>/dev/null || true
    _postgres_pid=
  fi
  if [ -n "$_postgres_watcher" ]; then
    kill "$_postgres_watcher" 2>/dev/null || true
    _postgres_watcher=
  fi
  if [ -n "$_postgres_dir" ]; then
    rm -rf "$_postgres_dir"
    _postgres_dir=
  fi
  unset OCKAM_DATABASE_CONNECTION_URL POSTGRES_URL PGHOST PGPORT PGUSER PGDATABASE POSTGRES_SOCKET_DIR POSTGRES_HELPER
}

# Wrapper mode: executed rather than sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]  (runs COMMAND with a PostgreSQL test server up)" >&2
    exit 2
  fi
  trap 'exit 143' TERM INT HUP
  postgres_start || exit 77
  status=0
  "$@" || status=$?
  postgres_stop
  trap - EXIT
  exit "$status"
fi
