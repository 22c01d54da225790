# Sourced by every .t: a fixed clock, no colour, and a fresh workspace "ws"
# with an admin, a manager and two reps.
export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1 LC_ALL=C.UTF-8
unset HOPPER_DIR
# Against the test cluster (ctest's cli-pg/ cases): a database of this case's own.
if [ -n "${HOPPER_TEST_PGHOST:-}" ]; then
  [ -S "$HOPPER_TEST_PGHOST/.s.PGSQL.5432" ] || exit 80  # no cluster could run here: skipped
  hopper_test_db=t_$(basename "$TESTDIR")_${TESTFILE%.t}_$$
  hopper_test_db=${hopper_test_db//[^a-zA-Z0-9_]/_}
  createdb -h "$HOPPER_TEST_PGHOST" -U hopper_dba "$hopper_test_db"
  export HOPPER_STORE="postgresql:///$hopper_test_db?host=$HOPPER_TEST_PGHOST&user=hopper_dba"
fi
hopper init ws --as admin -q >/dev/null
cd ws
hopper rep add wang --team east --role manager -q >/dev/null
hopper rep add li --team east -q >/dev/null
hopper rep add zhao --team west -q >/dev/null
