A server workspace made by the release before this schema (tests/fixtures/
pg-v6: schema 6, as cf915c8 left it) opens in this hopper: its owner's first
command moves it forward in one transaction under an event of its own,
after the advice to take a pg_dump first; doctor is clean and every record
reads back.

  $ [ -S "$HOPPER_TEST_PGHOST/.s.PGSQL.5432" ] || exit 80
  $ export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1 LC_ALL=C.UTF-8
  $ unset HOPPER_DIR HOPPER_USER HOPPER_STORE
  $ export PGHOST=$HOPPER_TEST_PGHOST PGUSER=hopper_dba PGDATABASE=t_migrate_v6_$$
  $ createdb "$PGDATABASE"

The dump holds the schema, not the cluster's roles: the members' group and
the reps' logins come first (tests/fixtures/pg-v6/roles.sql).

  $ psql -X -q -v ON_ERROR_STOP=1 -f "$TESTDIR/../fixtures/pg-v6/roles.sql" 2>&1 | grep -v NOTICE
  [1]
  $ psql -X -q -v ON_ERROR_STOP=1 -f "$TESTDIR/../fixtures/pg-v6/hopper.sql" >/dev/null
  $ psql -X -A -t -c "SELECT version FROM hopper.schema_version"
  6
  $ mkdir -p ws/.hopper
  $ sed "s|^url = .*|url = 'postgresql:///$PGDATABASE?host=$PGHOST'|" "$TESTDIR/../fixtures/pg-v6/funnel.toml" > ws/funnel.toml
  $ cd ws

A member cannot move it; they are told who can:

  $ PGUSER=li hopper customer list
  hopper: the server's hopper schema is version 6, this hopper knows 7: the schema's owner (the DBA) moves it forward by running any hopper command in the workspace once (see docs/team.md)
  [7]

The owner at a terminal is told to dump first, and nothing moves without
--yes:

  $ script -qec "hopper customer list --as admin" /dev/null < /dev/null | tr -d '\r'
  hopper: the server's hopper schema is version 6; this hopper moves it to 7 in one transaction: take a backup first: pg_dump -n hopper (see docs/team.md#upgrading-hopper), then run the command again with --yes
  $ psql -X -A -t -c "SELECT version FROM hopper.schema_version"
  6

A script (no terminal) goes on, with the same advice on stderr:

  $ hopper customer list --as admin --format tsv < /dev/null
  hopper: moving the server's hopper schema from version 6 to 7 in one transaction; take a backup first: pg_dump -n hopper (see docs/team.md#upgrading-hopper)
  C1\tＡｃｍｅ\t\tSMB\t意向\tli\t0\tno (esc)
  C2\t华星科技有限公司\t\tSMB\t有线索\tli\t0\tno (esc)
  C3\t远航物流\t\tSMB\t客户资源\t\t\tno (esc)
  $ psql -X -A -t -c "SELECT version FROM hopper.schema_version"
  7
  $ psql -X -A -t -c "SELECT argv, actor FROM hopper.event ORDER BY id DESC LIMIT 1"
  ["migrate","schema 6 to 7"]|hopper_dba

Once: the next command migrates nothing, and doctor is clean.

  $ hopper doctor --as admin -q < /dev/null
  $ psql -X -A -t -c "SELECT count(*) FROM hopper.event WHERE argv LIKE '[\"migrate\"%'"
  1

Every record reads back, for the owner and for a member:

  $ hopper lead list --as admin --format tsv | cut -f1,2,6,7
  L1\t张伟\t\tli (esc)
  $ hopper opp list --as admin --format tsv | cut -f1,2
  O1\tERP (esc)
  $ PGUSER=li hopper customer list -q
  C1
  C2
  C3
  $ hopper history C3 --as admin --format tsv | cut -f2-
  2026-06-01T09:00:00 (real 2026-12-07T17:31:56)\tli (os root)\tC3\tclaimed_at: 2026-06-01T09:00:00 → null; owner_id: 3 → null; previous_owner_id: null → 3\treleased: 客户暂停采购\thopper pool release C3 --reason 客户暂停采购 --as li (esc)
  2026-06-01T09:00:00 (real 2026-12-07T17:31:56)\tli (os root)\tC3\tclaimed_at: null → 2026-06-01T09:00:00; owner_id: null → 3\tclaimed\thopper pool claim C3 --as li (esc)
  2026-06-01T09:00:00 (real 2026-12-07T17:31:56)\tadmin (os root)\tC3\tadded\tadded\thopper customer add 远航物流 --pool (esc)

The table schema 7 added works: an admin records strict mode in it.

  $ hopper config strict on --as admin -q
  $ psql -X -A -t -c "SELECT strict FROM hopper.security"
  1

The migration put the log's triggers on it, as on every audited table:
the change is filed under its event, and never_delete guards the row.

  $ psql -X -A -t -c "SELECT op FROM hopper.event_change WHERE tbl = 'security' ORDER BY id"
  insert
  $ psql -X -A -t -c "SELECT tgname FROM pg_trigger WHERE tgrelid = 'hopper.security'::regclass AND NOT tgisinternal ORDER BY tgname"
  audit
  never_delete
