hopper history, --dry-run and --at.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --owner li -q
  C1
  $ hopper customer move C1 contacted --as li -q
  C1

--dry-run shows the result and changes nothing:

  $ hopper customer move C1 intent --as li --dry-run --json | jq -r .layer
  dry run: nothing was changed
  intent
  $ hopper customer show C1 --json | jq -r .layer
  contacted

--at back-dates the change (relative to --now):

  $ hopper log C1 '上周拜访了客户，确认了预算和时间表' --type visit --at -3d --as li --json | jq -r .at
  2026-11-24T09:00:00
  $ hopper log C1 'another follow-up with a date' --type call --at 03/04/17 --as li
  hopper: ambiguous date '03/04/17': day and month order cannot be told apart; use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], today, yesterday, tomorrow, or +3d / -2w / +1m / +1y
  [6]
  $ hopper customer list --at yesterday
  hopper: --at applies only to commands that change something
  [2]

The log, newest first, and per record:

  $ hopper history --format tsv | cut -f1,3-5
  7\tli (os root)\tA1\tadded (esc)
  6\tli (os root)\tC1\tlayer: resource → contacted (esc)
  5\tadmin (os root)\tC1\tadded (esc)
  4\tadmin (os root)\tR4\tadded (esc)
  3\tadmin (os root)\tR3\tadded (esc)
  2\tadmin (os root)\tR2\tadded (esc)
  1\tadmin (os root)\tR1\tadded (esc)
  $ hopper history C1 --json | jq -c '.[] | {event, actor, change}'
  {"event":6,"actor":"li","change":"layer: resource → contacted"}
  {"event":5,"actor":"admin","change":"added"}
  $ hopper history --limit 2 -q
  A1
  C1
  … and 5 more; --all shows every row, --limit N the first N

A command that writes one reason on several fields of a record (a customer
added, a lead converted) shows it once:

  $ hopper lead add --name 周洋 --owner li -q
  L1
  $ hopper lead convert L1 --as li -q
  C2
  $ hopper history C2 --json | jq -r '.[].reason'
  converted from L1
  $ hopper history C1 --json | jq -r '.[].reason'
  null
  added

Piped and as JSON the log is complete, as every list is; a terminal shows a
page and says how many more. --limit, --since and --until (days by the clock
the commands ran under, both inclusive), --rep (the commands one rep ran):

  $ { echo name; seq -f '线索%g' 60; } | hopper lead import - --as li -q
  $ hopper history | wc -l
  70
  $ hopper history --json | jq length
  70
  $ hopper history -o csv | wc -l
  71
  $ HOPPER_FORCE_TTY=100 hopper history | wc -l
  … and 20 more; --all shows every row, --limit N the first N
  51
  $ HOPPER_FORCE_TTY=100 hopper history --all | wc -l
  71
  $ hopper history --limit 3 -q
  L61
  L60
  L59
  … and 67 more; --all shows every row, --limit N the first N
  $ hopper --now 2026-12-01 lead add --name 十二月 --as li -q
  L62
  $ hopper history --since 2026-12-01 -q
  L62
  $ hopper history --until 2026-11-27 | wc -l
  70
  $ hopper history --since 2026-11-27 --until 2026-11-27 --rep admin -q
  L1
  C1
  R4
  R3
  R2
  R1
  $ hopper history --rep li --json | jq -r '[.[].ref] | unique | length'
  65
  $ hopper history --rep nobody
  hopper: no rep named 'nobody' (see hopper rep list)
  [3]
  $ hopper history --since 2026-12-01 --until 2026-11-30
  hopper: --until 2026-11-30 is before --since 2026-12-01
  [6]
  $ hopper history --since someday
  hopper: invalid date 'someday': use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], today, yesterday, tomorrow, or +3d / -2w / +1m / +1y
  [6]
