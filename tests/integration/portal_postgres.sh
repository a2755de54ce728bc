#!/usr/bin/env bash
# psql through a portal to a real PostgreSQL 15 server (tests/support/postgres.sh; skipped with
# exit status 77 where PostgreSQL cannot run): a table written and read back, and a 4 MB
# result, through inlet -> secure channel -> outlet.
# Usage: portal_postgres.sh EXAMPLES_DIR
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/../support/postgres.sh"
bin=$1
postgres_require

start outlet "$bin/portal-outlet" --listen 127.0.0.1:0 --target "127.0.0.1:$PGPORT"
outlet_address=$(address_of outlet "^listening on")
start inlet "$bin/portal-inlet" --from 127.0.0.1:0 --to "$outlet_address"
inlet_address=$(address_of inlet "inlet listening on")

# through_portal SQL: runs SQL with psql through the inlet and prints the unaligned result.
through_portal() {
  "$POSTGRES_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${inlet_address##*:}" \
    -U postgres -d postgres -c "$1"
}

through_portal "create table portal_test (id int primary key, note text)"
through_portal "insert into portal_test select i, md5(i::text) from generate_series(1, 10000) i"
sum=$(through_portal "select sum(id) from portal_test")
[ "$sum" = "50005000" ] || { echo "sum through the portal: '$sum'" >&2; exit 1; }
direct=$("$POSTGRES_BIN/psql" -X -q -A -t -c "select md5(string_agg(note, ',' order by id)) from portal_test")
ported=$(through_portal "select md5(string_agg(note, ',' order by id)) from portal_test")
[ "$direct" = "$ported" ] || { echo "digest through the portal differs" >&2; exit 1; }
length=$(through_portal "select string_agg(note, '') from portal_test" | tr -d '\n' | wc -c)
[ "$length" -eq 320000 ] || { echo "large result through the portal: $length bytes" >&2; exit 1; }
big=$(through_portal "select length(repeat('x', 4000000))")
[ "$big" = "4000000" ] || { echo "4 MB value: '$big'" >&2; exit 1; }

stop_cleanly inlet
stop_cleanly outlet
echo "psql through a portal to PostgreSQL: ok"
