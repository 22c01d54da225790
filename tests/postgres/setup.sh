# Sourced by tests/postgres/*.t: a database of the case's own on the test
# cluster (scripts/postgres, socket $HOPPER_TEST_PGHOST), a workspace "ws" on
# it made by the cluster's superuser hopper_dba (the workspace's DBA), and
# reps who are roles of their own: wang (manager, east), li (rep, east),
# zhao (rep, west). PGUSER says who connects; it is hopper_dba unless a
# command says otherwise.
[ -S "$HOPPER_TEST_PGHOST/.s.PGSQL.5432" ] || exit 80  # no cluster could run here: skipped
export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1 LC_ALL=C.UTF-8
unset HOPPER_DIR HOPPER_USER HOPPER_STORE
export PGHOST=$HOPPER_TEST_PGHOST PGUSER=hopper_dba
export PGDATABASE=t_${TESTFILE%.t}_$$
PGDATABASE=${PGDATABASE//[^a-zA-Z0-9_]/_}
createdb "$PGDATABASE"
export HOPPER_TEST_URL="postgresql:///$PGDATABASE?host=$PGHOST"
hopper init ws --as admin --store "$HOPPER_TEST_URL" -q >/dev/null
cd ws
hopper rep add wang --team east --role manager --as admin -q >/dev/null
hopper rep add li --team east --as admin -q >/dev/null
hopper rep add zhao --team west --as admin -q >/dev/null
# A query as a rep's own role, straight to the server (no hopper between).
as_role() { local role=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -U "$role" -c "SET search_path = hopper" -c "$@" 2>&1; }
