hopper reorder, todo and agenda: reorder reminders for consumables, the day bottom-up.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 青禾超市 --owner li --layer signed -q
  C1
  $ hopper customer add 远航物流 --owner li -q
  C2
  $ hopper lead add --name 陈静 --phone 13912345678 --owner li -q
  L1
  $ hopper opp add C2 --name 仓储系统 --amount 20万 --as li -q
  O1
  $ hopper opp add C2 --name 运输管理 --amount 50万 --stage proposal --as li -q
  O2

A 30-day cycle from 2026-12-10 with a 5-day reminder: nothing before 12-05.

  $ hopper reorder add C1 --product 打印耗材 --every 30d --from 2026-12-10 --remind 5 --as li --format table
  ref       Y1
  customer  C1
  name      青禾超市
  product   打印耗材
  every     30d
  from      2026-12-10
  until     -
  remind    5
  active    yes
  $ hopper reorder add C1 --product X --every monthly --from 2026-12-10 --as li
  hopper: invalid period 'monthly': use a count and d, w, m or y, e.g. 30d, 2w, 1m
  [6]
  $ hopper --now 2026-12-04 todo list --as li

On 12-05 the cycle is due: li's agenda shows it first, and reading writes nothing.
The nightly `reorder run` makes its to-do, once:

  $ hopper --now 2026-12-05 agenda --as li --format table
  SECTION      REF  ITEM                              DUE         NOTE
  signed       Y1   reorder 打印耗材 — 青禾超市 (C1)  2026-12-10  due; its to-do comes with hopper reorder run
  opportunity  O2   运输管理 — 远航物流               -           proposal 30%, weighted 150,000
  opportunity  O1   仓储系统 — 远航物流               -           contact 10%, weighted 20,000
  lead         L1   陈静                              -           -
  $ hopper --now 2026-12-05 todo list --as li --json | jq length
  0
  $ hopper history --limit 1 --json | jq -r '.[0].command'
  … and 10 more; --all shows every row, --limit N the first N
  hopper reorder add C1 --product 打印耗材 --every 30d --from 2026-12-10 --remind 5 --as li --format table
  $ hopper --now 2026-12-05 reorder run --dry-run -q
  T1
  dry run: nothing was changed
  $ hopper --now 2026-12-05 reorder run --as li
  hopper: reorder run is for managers and admins; li is a rep
  [9]
  $ hopper --now 2026-12-05 reorder run -q
  T1
  $ hopper --now 2026-12-05 reorder run -q
  $ hopper --now 2026-12-05 agenda --as li -q
  T1
  O2
  O1
  L1
  $ hopper --now 2026-12-06 todo list --as li -q
  T1
  $ hopper todo list --all --json --as li | jq length
  1

Overdue is marked; once done, the next occurrence (2027-01-09) is made by the run in its window:

  $ hopper --now 2026-12-12 agenda --as li --json | jq -c '.[0] | {section, ref, due, note, overdue}'
  {"section":"signed","ref":"T1","due":"2026-12-10","note":"overdue 2 days","overdue":true}
  $ hopper --now 2026-12-12 todo done T1 --as li -q
  T1
  $ hopper --now 2026-12-12 todo list --as li -q
  $ hopper --now 2026-12-12 reorder run -q
  $ hopper --now 2027-01-04 reorder run -q
  T2
  $ hopper --now 2027-01-04 todo list --as li --json | jq -c '.[] | {ref, due, text}'
  {"ref":"T2","due":"2027-01-09","text":"reorder 打印耗材 — 青禾超市"}

Opportunities: rotting first (idle past the stage's rotten_days), then by weighted value.
A follow-up on O2 keeps it fresh; O1, worth less, rots and comes first:

  $ hopper --now 2026-12-15 log O2 '电话确认了运输管理系统的报价范围' --type call --as li -q
  A1
  $ hopper --now 2026-12-20 agenda --as li --format tsv | cut -f1,2,5
  signed\tT2\t (esc)
  opportunity\tO1\trotting: idle 23 days (> 14); contact 10%, weighted 20,000 (esc)
  opportunity\tO2\tproposal 30%, weighted 150,000 (esc)
  lead\tL1\t (esc)

To-dos by hand; stopping a cycle; managers may look at a rep's day:

  $ hopper todo add '发送实施计划' --due +2d --on C2 --as li --json | jq -c '{ref, due, on, owner}'
  {"ref":"T3","due":"2026-11-29","on":"C2","owner":"li"}
  $ hopper todo add 'x' --on P1 --as li
  hopper: --on P1: to-dos attach to an existing lead, customer or opportunity
  [6]
  $ hopper todo done T9 --as li
  hopper: no to-do T9 (see hopper todo list)
  [3]
  $ hopper todo done T1 --as li
  hopper: to-do T1 is already done
  [4]
  $ hopper reorder stop Y1 --as li -q
  Y1
  $ hopper reorder list -q
  $ hopper reorder list --all -q
  Y1
  $ hopper agenda --rep li --as zhao
  hopper: looking at another rep's work is for managers and admins; zhao is a rep
  [9]
  $ hopper agenda --rep li --as wang -q
  T2
  O2
  O1
  L1
  T3
