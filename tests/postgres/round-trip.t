A workspace moves to a server and back: hopper export | hopper -C team
import -. The demo's half year (examples/demo) exported from a SQLite file,
imported on the server, exported there, imported into a new SQLite file and
exported again gives the same bytes. On the server the reports say what they
said on the file, and the workspace goes on where it stopped.

  $ . "$TESTDIR/setup.sh"
  $ cd ..
  $ export HOPPER_USER=admin
  $ HOPPER_NOW=2026-11-20T18:00 hopper init file -q >/dev/null
  $ (cd file && bash "$TESTDIR/../../examples/demo/load.sh" >/dev/null)

The export's newest event is a refusal, which changed nothing: each restore
keeps every row all the same.

  $ hopper -C file customer lock C1 --as li
  hopper: locking a customer (exempting it from recycling) is for managers and admins; li is a rep
  [9]
  $ hopper -C file export > one.jsonl
  $ grep '"table":"event"' one.jsonl | tail -1 | jq -r .row.outcome
  denied
  $ wc -l < one.jsonl
  4138
  $ hopper -C ws import one.jsonl --with-rules
  restored 4137 rows from one.jsonl
  funnel.toml now holds the rules the export was made under; the old one is ws/funnel.toml.before-import
  $ hopper -C ws export > two.jsonl
  $ HOPPER_NOW=2026-11-20T18:00 hopper init back -q >/dev/null
  $ hopper -C back import two.jsonl --with-rules
  restored 4137 rows from two.jsonl
  funnel.toml now holds the rules the export was made under; the old one is back/funnel.toml.before-import
  $ hopper -C back export > three.jsonl
  $ cmp one.jsonl three.jsonl && echo identical
  identical

The server's own export differs only in how a float with nothing after the
point is written (35 rather than 35.0), and in its rules keeping the server's
[store] table, which the file's import takes out again:

  $ diff <(sed 's/\.0\([,}]\)/\1/g' one.jsonl | tail -n +2) <(tail -n +2 two.jsonl) | head -5; echo done
  done
  $ head -1 two.jsonl | jq -j .funnel_toml | tail -2 | sed 's/t_round_trip_[0-9]*/DB/'
  [store]
  url = 'postgresql:///DB?host=*' (glob)

Every rep of the restored workspace is a role on the server, let in:

  $ psql -X -A -t -c "SELECT string_agg(name, ' ' ORDER BY id) FROM hopper.rep WHERE pg_has_role(name, 'hopper_member', 'MEMBER')"
  admin wang chen li zhang liu zhao sun emily

The same reports from both stores:

  $ for command in "funnel report" "funnel conversion" "funnel velocity" "funnel health" "forecast --period 2026" \
  >     "forecast --by month --period 2026" "forecast --method historical --period 2026" "rep scorecard --period 2026" \
  >     "pool status" "pool report --period 2026" "customer list --all" "opp list --status all --all" \
  >     "lead list --all" "todo list --all" "agenda --as li" "conflict list" "history --limit 50"; do
  >   diff <(hopper -C file $command --format tsv 2>&1) <(hopper -C ws $command --format tsv 2>&1) >/dev/null ||
  >     echo "differs: $command"
  > done

And the workspace goes on from where it stopped, ids after the restored ones:

  $ hopper -C ws lead add --name 新线索 -q
  L321
  $ hopper -C file lead add --name 新线索 -q
  L321

A tampered export is refused on the server as on a file (exit 6 naming the
line and the table), and nothing is restored:

  $ createdb "${PGDATABASE}_tampered"
  $ hopper init tampered --store "postgresql:///${PGDATABASE}_tampered?host=$PGHOST" -q >/dev/null
  $ try() { hopper -C tampered import - ; echo "exit $?"; hopper -C tampered customer list --json | jq length; }
  $ sed '/"table":"customer","row":{"id":1,/s/"owner_id":[0-9]*,/"owner_id":999,/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stdin:282: customer 1: owner_id 999 is no rep row
  exit 6
  0
  $ event=$(grep '"table":"history"' one.jsonl | head -1 | jq .row.event_id)
  $ sed "/\"table\":\"event\",\"row\":{\"id\":$event,/d" one.jsonl | try 2>&1 | sed -n '1,3p;/…/,$p'
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stdin:764: event_change 10: event_id 10 is no event row
    stdin:765: event_change 11: event_id 10 is no event row
    … (the first 20 shown)
  exit 6
  0
  $ sed '1s/.*/{"format":"hopper-export","schema":"6"}/' one.jsonl | try
  hopper: stdin:1: the header's schema is "6", not a version number (a hopper export starts with {"format":"hopper-export","schema":7}); export it again with hopper export
  exit 6
  0
  $ sed '/"table":"customer","row":{"id":2,/s/"id":2,/"id":18446744073709551615,/' one.jsonl | try
  hopper: stdin:283: customer.id: 18446744073709551615 is past the largest number a column holds (2^63 − 1)
  exit 6
  0
  $ sed '/"table":"opportunity","row":{"id":1,/s/"stage":"[^"]*"/"stage":"won"/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stages match their history: O1 is in won but its history last moved it to order
  exit 6
  0
  $ hopper -C tampered import one.jsonl
  restored 4137 rows from one.jsonl
  funnel.toml is not the one the export was made under (it defines every key the records use); --with-rules restores that one
