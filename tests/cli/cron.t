The cron examples against a workspace: a good night, a second run the same
day, and failing runs that exit with hopper's code and say so.

  $ . "$TESTDIR/setup.sh"
  $ cron="$TESTDIR/../../examples/cron"
  $ hopper customer add 华星 --owner li -q
  C1
  $ hopper customer add 青禾 --owner li --layer signed -q
  C2
  $ hopper reorder add C2 --product 耗材 --every 30d --from 2026-12-01 --remind 5 --as li -q
  Y1
  $ export HOPPER_NOW=2026-12-20
  $ bash "$cron/nightly-recycle.sh" .
  * released 1 customer(s), made 1 reorder to-do(s) (glob)
  $ bash "$cron/nightly-recycle.sh" .
  * released 0 customer(s), made 0 reorder to-do(s) (glob)
  $ wc -l < .hopper/nightly.jsonl
  2
  $ head -1 .hopper/nightly.jsonl | jq -c '{released: [.released[].ref], todos: [.reorder_todos[].ref]}'
  {"released":["C1"],"todos":["T1"]}

A rep may not run it: hopper's message, then the script's line with the exit code.

  $ HOPPER_USER=li bash "$cron/nightly-recycle.sh" .
  hopper: pool recycle is for managers and admins; li is a rep
  * hopper pool recycle failed with exit 9 (see hopper help exit-codes) (glob)
  [9]
  $ HOPPER_USER=nobody bash "$cron/nightly-recycle.sh" .
  hopper: 'nobody' is not a rep of this workspace; pass --as NAME or set HOPPER_USER (see hopper rep list; an admin adds reps with hopper rep add)
  * hopper pool recycle failed with exit 9 (see hopper help exit-codes) (glob)
  [9]
  $ bash "$cron/nightly-recycle.sh" nowhere
  hopper: -C 'nowhere' is not a directory
  * hopper pool recycle failed with exit 7 (see hopper help exit-codes) (glob)
  [7]

The weekly forecast writes three whole files; a broken funnel.toml fails it with exit 7 and leaves nothing half written:

  $ bash "$cron/weekly-forecast.sh" . out
  wrote out/forecast.html, out/funnel.html and out/forecast.json
  $ ls out
  forecast.html
  forecast.json
  funnel.html
  $ echo 'capacity = "lots"' >> funnel.toml
  $ bash "$cron/weekly-forecast.sh" . out2
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  funnel.toml:*: * (glob)
  * hopper forecast --period next-quarter --format html failed with exit 7 (see hopper help exit-codes) (glob)
  [7]
  $ ls -A out2
