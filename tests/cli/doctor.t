hopper doctor and hopper backup.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --owner li -q
  C1
  $ hopper opp add C1 --name ERP --amount 30万 --as li -q
  O1
  $ hopper customer add 远航 --owner zhao -q
  C2

A clean workspace passes every check, exit 0:

  $ hopper doctor --format table
  CHECK                                            STATUS  PROBLEM
  database integrity                               ok      -
  foreign keys                                     ok      -
  stored dates, kinds and custom fields read back  ok      -
  open deals follow their customer                 ok      -
  stages match their history                       ok      -
  every change has its event                       ok      -
  nothing owned by a rep who left                  ok      -
  funnel.toml defines every key the records use    ok      -
  no rep over capacity                             ok      -

A backup is a whole database with the workspace's mode; it never overwrites:

  $ hopper backup ../copy.db
  backed up to ../copy.db (* bytes, a consistent snapshot; restore by copying it to .hopper/hopper.db) (glob)
  $ stat -c %a ../copy.db
  600
  $ sqlite3 ../copy.db 'PRAGMA integrity_check; SELECT count(*) FROM customer'
  ok
  2
  $ hopper backup ../copy.db
  hopper: '../copy.db' exists; backup never overwrites: choose another name
  [7]
  $ hopper backup /nonexistent/dir/copy.db
  hopper: cannot create '/nonexistent/dir/copy.db'
  [7]

A backup holds every contact: managers and admins make them, a rep may
not, under [security] strict too (where the OS account names the rep):

  $ hopper backup ../manager.db --as wang -q
  ../manager.db
  $ hopper backup ../rep.db --as li
  hopper: backing up the workspace is for managers and admins; li is a rep
  [9]
  $ hopper rep add "$(id -un)" -q >/dev/null
  $ sed -i 's/^strict = false/strict = true/' funnel.toml
  $ env -u HOPPER_USER hopper backup ../strict.db
  hopper: backing up the workspace is for managers and admins; * is a rep (glob)
  [9]
  $ sed -i 's/^strict = true/strict = false/' funnel.toml
  $ ls ../rep.db ../strict.db 2>/dev/null | wc -l
  0

Whatever breaks an invariant behind hopper's back (here a hand-edit with
sqlite3, a lowered capacity, a dropped stage) is found, exit 7:

  $ sqlite3 .hopper/hopper.db "UPDATE opportunity SET owner_id = 4 WHERE id = 1; UPDATE opportunity SET stage = 'contract' WHERE id = 1; UPDATE rep SET active = 0 WHERE name = 'zhao'"
  $ sed -i 's/^capacity = 50 .*/capacity = 0/' funnel.toml
  $ hopper doctor --json > found.json
  hopper: doctor found 4 problem(s); the rows above say where (at most 20 per check)
  [7]
  $ jq -r '.[] | select(.status == "problem") | "\(.check): \(.problem)"' found.json
  open deals follow their customer: O1 is open with zhao but customer C1 belongs to li
  stages match their history: O1 is in contract but its history last moved it to contact
  nothing owned by a rep who left: customer C2 is owned by zhao, who has left
  no rep over capacity: li holds 1 customers, over a capacity of 0

The backup from before is clean:

  $ cp funnel.toml ../funnel.toml && mkdir -p ../restored/.hopper && cp ../copy.db ../restored/.hopper/hopper.db && sed -i 's/^capacity = 0/capacity = 50/' ../funnel.toml && cp ../funnel.toml ../restored/
  $ hopper -C ../restored doctor -q; echo $?
  0

A damaged value — custom fields that are no JSON, a date that is no date —
is damage in the database, not bad input: doctor names each (exit 7, never
an internal error), and a command that reads one stops with exit 7 saying
to run doctor or restore the last backup.

  $ cd ../restored
  $ sqlite3 .hopper/hopper.db "UPDATE customer SET fields = '{bad', claimed_at = '2V26-07-08' WHERE id = 1; UPDATE opportunity SET close_date = '2026-02-30' WHERE id = 1; UPDATE event_change SET tbl = 'nowhere' WHERE id = 1; UPDATE history SET subject_kind = 'planet' WHERE id = 1"
  $ hopper doctor --json | jq -r '.[] | select(.status == "problem") | "\(.check): \(.problem)"'
  hopper: doctor found 5 problem(s); the rows above say where (at most 20 per check). The database is damaged or was changed outside hopper: restore the last backup (hopper backup makes them) by copying it to .hopper/hopper.db
  stored dates, kinds and custom fields read back: customer 1: fields '{bad' is not a JSON object
  stored dates, kinds and custom fields read back: customer 1: claimed_at '2V26-07-08' is not a date
  stored dates, kinds and custom fields read back: event_change 1: tbl 'nowhere' is not a table the log keeps
  stored dates, kinds and custom fields read back: history 1: subject_kind 'planet' is not a kind of record
  stored dates, kinds and custom fields read back: opportunity 1: close_date '2026-02-30' is not a date
  $ hopper config check -q; echo "exit $?"
  exit 0
  $ hopper customer list
  hopper: the database holds '2V26-07-08' where a date belongs: it was changed outside hopper or is damaged; hopper doctor shows where, or restore the last backup
  [7]
  $ hopper pool recycle --dry-run
  hopper: the database holds '2V26-07-08' where a date belongs: it was changed outside hopper or is damaged; hopper doctor shows where, or restore the last backup
  [7]
  $ hopper history >/dev/null
  hopper: the database holds 'nowhere' where a kind of record belongs: it was changed outside hopper or is damaged; hopper doctor shows where, or restore the last backup
  [7]
