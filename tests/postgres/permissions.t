On a server each rep connects as their own PostgreSQL role, and the server's
row-level security decides what they see and change: through hopper or
straight through psql, a rep gets no more than their own records and the
shared pool, a manager their team's, an admin everything.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --phone 13800000001 --owner li --as admin -q
  C1
  $ hopper person add C1 --name 陈经理 --phone 13900000001 --as admin -q
  P1
  $ hopper customer add 远航物流 --phone 13800000002 --owner zhao --as admin -q
  C2
  $ hopper person add C2 --name 赵总 --phone 13900000002 --as admin -q
  P2
  $ hopper customer add 青禾超市 --pool --as admin -q
  C3

Who acts is the connected role, not --as or HOPPER_USER:

  $ PGUSER=li hopper customer list --format tsv
  C1\t华星科技\t\tSMB\t客户资源\tli\t15\tno (esc)
  C3\t青禾超市\t\tSMB\t客户资源\t\t\tno (esc)
  $ PGUSER=li hopper customer show C2
  hopper: no customer C2 (see hopper customer list)
  [3]
  $ PGUSER=li hopper customer list --as zhao
  hopper: on a server you act as your PostgreSQL role 'li', not as 'zhao' (--as and HOPPER_USER are for admins; see docs/team.md)
  [9]
  $ PGUSER=li HOPPER_USER=admin hopper rep list -q
  hopper: on a server you act as your PostgreSQL role 'li', not as 'admin' (--as and HOPPER_USER are for admins; see docs/team.md)
  [9]

A change uses the server's clock; moving it is for admins (a read may look
at another day):

  $ PGUSER=li hopper pool claim C3 -q
  hopper: on a server a change uses the server's clock; --now, HOPPER_NOW and --at on a change are for admins
  [9]
  $ PGUSER=li hopper --now 2026-12-01 agenda -q
  $ unset HOPPER_NOW
  $ PGUSER=li hopper pool claim C3 -q
  C3
  $ hopper history C3 --json --as admin | jq -r '.[0] | "\(.actor) \(.reason) \(.at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}$")) \(.at == .real_at)"'
  li claimed true true
  $ export HOPPER_NOW=2026-11-27T09:00

A manager sees the team (li's C1 and C3), not the other team's C2:

  $ PGUSER=wang hopper customer list -q
  C1
  C3

Straight to the server with psql, li gets no more: zhao's customer and its
contacts are not there, and neither are zhao's command lines in the log.

  $ as_role li "SELECT id, name, phone FROM customer ORDER BY id"
  1|华星科技|13800000001
  3|青禾超市|
  $ as_role li "SELECT name, phone FROM person ORDER BY id"
  陈经理|13900000001
  $ as_role li "SELECT count(*) FROM event WHERE actor <> 'li'"
  0
  $ as_role li "SELECT count(*) FROM event_change WHERE tbl = 'person'"
  0

Writing outside one's rights: another's customer is not there to change; giving
one's own away, or making oneself an admin, the server refuses:

  $ as_role li "UPDATE customer SET owner_id = (SELECT id FROM rep WHERE name = 'li') WHERE id = 2"
  $ as_role li "SELECT owner_id FROM customer WHERE id = 2" | wc -l
  0
  $ hopper customer show C2 --json --as admin | jq -r .owner
  zhao
  $ as_role li "UPDATE customer SET owner_id = (SELECT id FROM rep WHERE name = 'zhao') WHERE id = 1"
  ERROR:  new row violates row-level security policy for table "customer"
  [1]
  $ as_role li "UPDATE rep SET role = 'admin' WHERE name = 'li'"
  $ as_role li "INSERT INTO rep (name, role, created_at) VALUES ('mallory', 'admin', 'now')"
  ERROR:  new row violates row-level security policy for table "rep"
  [1]
  $ hopper rep list --as admin --format tsv | cut -f2,4
  admin\tadmin (esc)
  wang\tmanager (esc)
  li\trep (esc)
  zhao\trep (esc)

The event log is append-only: no rep edits or deletes it, nor a record.

  $ as_role li "UPDATE event SET actor = 'zhao'"
  ERROR:  permission denied for table event
  [1]
  $ as_role li "DELETE FROM history"
  ERROR:  permission denied for table history
  [1]
  $ as_role li "DELETE FROM customer WHERE id = 1"
  ERROR:  permission denied for table customer
  [1]
  $ as_role li "SELECT set_event_outcome(1, 'ok')"
  ERROR:  only the session's own event may be given an outcome
  CONTEXT:  PL/pgSQL function set_event_outcome(bigint,text) line 4 at RAISE
  [1]

A rep's duplicate check still sees every owner's record (撞单), and no more
than the match:

  $ PGUSER=li HOPPER_NOW= hopper lead add --name 王工 --phone 13800000002 -q
  hopper: duplicate (撞单), nothing was written:
    phone 13800000002 is already C2 远航物流 (owner zhao, layer 客户资源)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]

An admin's rep add makes the role (or lets an existing one in):

  $ hopper rep add qian --team east --as admin -q
  R6
  $ psql -X -A -t -c "SELECT pg_has_role('qian', 'hopper_member', 'MEMBER')"
  t
  $ PGUSER=qian hopper customer list -q | wc -l
  0

Another writer holding the workspace past --wait: exit 8, as on a file.

  $ psql -X -q -c "BEGIN" -c "SELECT pg_advisory_xact_lock(hashtext('hopper workspace'))" -c "SELECT pg_sleep(4)" -c "COMMIT" >/dev/null &
  $ sleep 1
  $ hopper --wait 1 customer add 等待科技 --as admin -q
  hopper: the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS
  [8]
  $ hopper customer list --as admin -q | wc -l
  3
  $ wait

A rep is a role, whose name the server limits to 63 bytes:

  $ hopper rep add 王王王王王王王王王王王王王王王王王王王王王王 --as admin
  hopper: '王王王王王王王王王王王王王王王王王王王王王王' is 66 bytes long; on a server a rep is a PostgreSQL role, whose name is at most 63 bytes
  [6]

A server made by the previous schema (6, before the security settings) is
moved forward by its owner, the DBA, the first time they run hopper; a
member meanwhile is told who can:

  $ psql -X -q -c "DROP TABLE hopper.security" -c "UPDATE hopper.schema_version SET version = 6"
  $ PGUSER=li hopper customer list -q
  hopper: the server's hopper schema is version 6, this hopper knows 7: the schema's owner (the DBA) moves it forward by running any hopper command in the workspace once (see docs/team.md)
  [7]
  $ hopper customer list --as admin -q
  hopper: moving the server's hopper schema from version 6 to 7 in one transaction; take a backup first: pg_dump -n hopper (see docs/team.md#upgrading-hopper)
  C1
  C2
  C3
  $ psql -X -A -t -c "SELECT max(version) FROM hopper.schema_version"
  7
  $ PGUSER=li hopper customer list -q
  C1
  C3

Strict mode recorded on the server binds every member's hopper, whatever
their funnel.toml says (here li's OS account, no rep, names who acts); only
an admin sets it, and through psql a rep can neither set nor clear it:

  $ PGUSER=li HOPPER_NOW= hopper config strict on
  hopper: config strict is for admins; li is a rep
  [9]
  $ as_role li "INSERT INTO security (id, strict) VALUES (1, 0)"
  ERROR:  new row violates row-level security policy for table "security"
  [1]
  $ hopper config strict on --as admin
  $ as_role li "UPDATE security SET strict = 0"
  $ as_role li "SELECT strict FROM security"
  1
  $ PGUSER=li hopper customer list -q
  hopper: '*' is not a rep of this workspace; pass --as NAME or set HOPPER_USER (see hopper rep list; an admin adds reps with hopper rep add) (glob)
  [9]
