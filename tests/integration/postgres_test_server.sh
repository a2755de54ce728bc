#!/usr/bin/env bash
# The PostgreSQL test server helper (tests/support/postgres.sh): the server answers on the
# exported URL, is PostgreSQL 15, gives each test its own database, restarts in place, and is gone
# after the stop.
# Skipped (77) where PostgreSQL cannot run.
set -euo pipefail
source "$(dirname "$0")/../support/postgres.sh"
postgres_require

[ "$(psql -X -tA -c 'show server_version_num')" -ge 150000 ]
[ "$(psql -X -tA "$OCKAM_DATABASE_CONNECTION_URL" -c 'select 6 * 7')" = 42 ]
url=$(postgres_create_database helper_check)
psql -X -q "$url" -c 'create table t (x integer)' -c 'insert into t values (1), (2)'
[ "$(psql -X -tA "$url" -c 'select count(*) from t')" = 2 ]
[ -S "$POSTGRES_SOCKET_DIR/.s.PGSQL.$PGPORT" ]
# A restart keeps the port and the data, also when a test program asks for it.
bash -c 'source "$POSTGRES_HELPER" && postgres_restart'
[ "$(psql -X -tA "$url" -c 'select count(*) from t')" = 2 ]

socket_dir=$POSTGRES_SOCKET_DIR
port=$PGPORT
postgres_stop
[ ! -e "$socket_dir" ]
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "the server still listens on port $port after postgres_stop" >&2
  exit 1
fi
echo "postgres test server: ok"
