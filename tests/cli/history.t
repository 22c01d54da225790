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
