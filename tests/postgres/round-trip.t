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
