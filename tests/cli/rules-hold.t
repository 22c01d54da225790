The rules hold on every path: ownership follows the customer, gates hold on
win, move and add, and the clock cannot be used to dodge a rule.

  $ . "$TESTDIR/setup.sh"

Ownership follows the customer. li holds C1 with an open deal and a to-do:

  $ hopper customer add 华星科技 --owner li -q
  C1
  $ hopper opp add C1 --name ERP --amount 30万 --as li -q
  O1
  $ hopper todo add '发报价' --on O1 --due 2026-12-01 --as li -q
  T1
  $ hopper todo add '复核合同' --on C1 --as wang -q
  T2

The deal's customer owner decides; another rep may not touch it:

  $ hopper opp promote O1 --as zhao
  hopper: opportunity O1 (customer C1) belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper opp add C1 --name 耗材 --amount 1万 --owner zhao --as wang
  hopper: a deal belongs to its customer's owner (li owns C1); to give it to zhao, give them the customer: hopper customer edit C1 --owner zhao
  [2]
  $ hopper opp edit O1 --owner zhao --as wang
  hopper: a deal belongs to its customer's owner; to give O1 to zhao, give them the customer: hopper customer edit C1 --owner zhao
  [2]

li releases C1: the open deal and li's to-do go to the pool with it; wang's own to-do stays wang's.

  $ hopper pool release C1 --reason '客户迁往海外' --as li -q
  C1
  $ hopper opp list --json | jq -c '.[] | {ref, owner}'
  {"ref":"O1","owner":null}
  $ hopper todo list --as li --json | jq length
  0
  $ hopper todo list --as wang --json | jq -c '.[] | {ref, owner}'
  {"ref":"T2","owner":"wang"}
  $ hopper opp add C1 --name 耗材 --amount 1万 --as wang
  hopper: customer C1 is in the shared pool; a deal needs an owner: claim it first (hopper pool claim C1) or have a manager assign it
  [4]

zhao claims it: the deal and the to-do are zhao's now, each with a history row naming the cause.

  $ hopper --now 2026-11-28 pool claim C1 --as zhao -q
  C1
  $ hopper opp list --json | jq -c '.[] | {ref, owner}'
  {"ref":"O1","owner":"zhao"}
  $ hopper todo list --as zhao --json | jq -c '.[] | {ref, owner}'
  {"ref":"T1","owner":"zhao"}
  $ hopper history O1 --json | jq -r '.[] | select(.change | test("owner")) | "\(.actor) \(.change) | \(.reason)"'
  zhao owner_id: null → 4 | follows customer C1 (claimed)
  li owner_id: 3 → null | follows customer C1 (released: 客户迁往海外)
  $ hopper history T1 --json | jq -r '.[0] | "\(.change) | \(.reason)"'
  owner_id: null → 4 | follows customer C1 (claimed)

The rep who lost the customer can no longer win its deal; the new owner works it:

  $ hopper opp win O1 --as li
  hopper: opportunity O1 (customer C1) belongs to zhao; a rep may change only their own records (ask a manager)
  [9]
  $ hopper opp promote O1 --as zhao -q
  O1

Assignment and conflicts move deals the same way (a deal on a pool customer goes to whoever gets it):

  $ hopper customer add 远航 --owner li -q
  C2
  $ hopper opp add C2 --name 仓储 --amount 10万 --as li -q
  O2
  $ hopper pool release C2 --reason 'too far' --as li -q
  C2
  $ hopper pool assign C2 --to zhao --as wang -q
  C2
  $ hopper opp show O2 --json | jq -r .owner
  zhao

Won deals keep the rep who closed them when the customer moves on:

  $ hopper customer add 青禾 --owner li -q
  C3
  $ hopper opp add C3 --name 续约 --amount 5万 --pipeline S --as li -q
  O3
  $ hopper opp win O3 --as li -q
  O3
  $ hopper pool release C3 --reason 'handed to service' --as li -q
  C3
  $ hopper opp list --status won --json | jq -c '.[] | {ref, owner}'
  {"ref":"O3","owner":"li"}

Gates on every path. In the sequential pipeline M, winning from the first
stage must pass every gate on the way; so must a move that skips stages and
a new deal that starts late:

  $ hopper customer add 甲 --owner li -q
  C4
  $ hopper opp add C4 --name A --amount 10万 --as li -q
  O4
  $ hopper opp win O4 --as li
  hopper: O4 cannot be won from contact:
    leaving proposal: action 'needs_analysis' is not done (hopper opp check O4 needs_analysis)
    leaving proposal: field 'close_date' is empty (hopper opp edit O4 --close DATE)
    leaving negotiation: action 'quote_sent' is not done (hopper opp check O4 quote_sent)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp move O4 contract --as li
  hopper: O4 cannot move from contact to contract:
    pipeline M is sequential: moving from contact to contract skips proposal, negotiation (promote one stage at a time: hopper opp promote O4)
    leaving proposal: action 'needs_analysis' is not done (hopper opp check O4 needs_analysis)
    leaving proposal: field 'close_date' is empty (hopper opp edit O4 --close DATE)
    leaving negotiation: action 'quote_sent' is not done (hopper opp check O4 quote_sent)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp add C4 --name B --amount 10万 --stage contract --as li
  hopper: a new deal cannot start in contract:
    leaving proposal: action 'needs_analysis' is not done (start in proposal and check it there)
    leaving proposal: field 'close_date' is empty (give --close DATE)
    leaving negotiation: action 'quote_sent' is not done (start in negotiation and check it there)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp list --json | jq -r '.[] | select(.ref == "O4") | "\(.ref) \(.stage) \(.status)"'
  O4 contact open
  $ hopper opp list --json | jq length
  3

A sequential pipeline allows no skipping forward, even past stages without
a gate or whose gates pass: promote and move go one stage at a time, and a
manager may force a jump with a reason, which the history keeps.

  $ hopper opp check O4 needs_analysis --as li -q; hopper opp check O4 quote_sent --as li -q; hopper opp edit O4 --close 2026-12-31 --as li -q
  O4
  O4
  O4
  $ hopper opp move O4 negotiation --as li
  hopper: O4 cannot move from contact to negotiation:
    pipeline M is sequential: moving from contact to negotiation skips proposal (promote one stage at a time: hopper opp promote O4)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp promote O4 --to contract --as li
  hopper: O4 cannot move from contact to contract:
    pipeline M is sequential: moving from contact to contract skips proposal, negotiation (promote one stage at a time: hopper opp promote O4)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp move O4 contract --as li --force --reason '跳过'
  hopper: --force is for managers and admins; li is a rep
  [9]
  $ hopper opp promote O4 --as li -q
  O4
  $ hopper opp move O4 contract --as wang --force --reason '客户直接签合同' -q
  O4
  $ hopper history O4 --json | jq -r '.[0].reason'
  forced by wang: pipeline M is sequential: moving from proposal to contract skips negotiation (promote one stage at a time: hopper opp promote O4) — 客户直接签合同

Forcing is for managers, with a reason, and history says what was forced past:

  $ hopper opp add C4 --name D --amount 1万 --stage contract --as wang --force
  hopper: --force passes a gate only with --reason TEXT saying why; it goes in the history
  [2]

  $ hopper opp add C4 --name C --amount 10万 --stage negotiation --as li --force --reason migrated
  hopper: --force is for managers and admins; li is a rep
  [9]
  $ hopper opp add C4 --name C --amount 10万 --stage negotiation --close 2026-12-31 --as wang --force --reason '旧系统迁移' -q
  O5
  $ hopper opp win O5 --as wang --force --reason '客户提前签约' -q
  O5
  $ hopper history O5 --json | jq -r '.[] | .reason' | grep forced
  forced by wang: leaving negotiation: action 'quote_sent' is not done (hopper opp check O5 quote_sent) — 客户提前签约
  added; forced by wang: leaving proposal: action 'needs_analysis' is not done (start in proposal and check it there) — 旧系统迁移

The clock cannot be used to dodge a rule. --at never lies in the future:

  $ hopper log C4 '电话沟通了交付时间安排' --type call --at 2026-11-28 --as li
  hopper: --at 2026-11-28T00:00:00 is later than the clock (2026-11-27T09:00:00); --at records what already happened
  [6]
  $ hopper log C4 '电话沟通了交付时间安排' --type call --at tomorrow --as li
  hopper: --at 2026-11-28T09:00:00 is later than the clock (2026-11-27T09:00:00); --at records what already happened
  [6]

Every event keeps the real time and the OS account beside --now and --as:

  $ hopper history C4 --limit 1 --json | jq -r '.[0] | "\(.at) \(.actor) \(.os_user) \(.real_at > "2026-11-28")"'
  … and 2 more; --all shows every row, --limit N the first N
  2026-11-27T09:00:00 wang root true
  $ hopper history C4 --limit 1 --format tsv | cut -f2,3 | sed -E 's/real [0-9T:-]+/real …/'
  … and 2 more; --all shows every row, --limit N the first N
  2026-11-27T09:00:00 (real …)\twang (os root) (esc)

A back-dated release does not shorten the cooldown, and a back-dated claim
still counts against today's limit:

  $ hopper customer add 乙 --owner li -q
  C5
  $ hopper pool release C5 --reason test --at 2026-10-01 --as li -q
  C5
  $ hopper pool claim C5 --as li
  hopper: pool claim refused, nothing was changed:
    C5 left li 0 days ago; it may not be claimed back before 30 days ([pool] cooldown_days)
  [4]

[security] strict: --as names only the OS account's own rep unless it is an
admin, and moving the clock on a change is for admins:

  $ sed -i 's/^strict = false/strict = true/' funnel.toml
  $ hopper config check -q
  $ hopper config check
  funnel.toml: ok
  [security] strict holds only for those who run hopper with this funnel.toml; an admin records it in the database with hopper config strict on
  $ hopper rep list -q
  hopper: [security] strict: OS account 'root' may act only as its own rep, not as 'admin' (an admin may; see hopper rep list)
  [9]
  $ sed -i 's/^strict = true/strict = false/' funnel.toml
  $ hopper rep add root --role rep -q
  R5
  $ sed -i 's/^strict = false/strict = true/' funnel.toml
  $ unset HOPPER_USER
  $ hopper --as root customer add 丙 -q
  hopper: [security] strict: --now, HOPPER_NOW and --at on a change are for admins; run it without them
  [9]
  $ hopper --as li customer list -q
  hopper: [security] strict: OS account 'root' may act only as its own rep, not as 'li' (an admin may; see hopper rep list)
  [9]
  $ hopper --as root customer list -q
  C1
  C2
  C3
  C4
  C5
  $ env -u HOPPER_NOW hopper --as root customer add 丙 -q
  C6
  $ hopper history --limit 4 --json | jq -r '.[] | "\(.actor) \(.outcome) \(.command)"'
  … and 45 more; --all shows every row, --limit N the first N
  root ok hopper --as root customer add 丙 -q
  root denied hopper --as root customer add 丙 -q
  admin ok hopper rep add root --role rep -q
  li ok hopper pool release C5 --reason test --at 2026-10-01 --as li -q

Without --as, a strict workspace acts as the OS account:

  $ env -u HOPPER_NOW hopper customer add 丁 -q
  C7

Strict off again; a manager handing a customer over, and abandoning it, move its deal too:

  $ sed -i 's/^strict = true/strict = false/' funnel.toml
  $ export HOPPER_USER=admin
  $ hopper customer add 己 --owner li -q
  C8
  $ hopper opp add C8 --name 己单 --amount 2万 --as li -q
  O6
  $ hopper customer edit C8 --owner zhao --as wang -q
  C8
  $ hopper opp show O6 --json | jq -r .owner
  zhao
  $ hopper customer abandon C8 --reason 'no budget this year' --as zhao -q
  C8
  $ hopper opp show O6 --json | jq -r .owner
  null

The nightly recycle moves a released customer's deal to the pool with it:

  $ hopper customer add 庚 --owner li -q
  C9
  $ hopper opp add C9 --name 庚单 --amount 1万 --as li -q
  O7
  $ hopper --now 2026-12-20 pool recycle --json | jq -r '.released[] | select(.ref == "C9") | .rule'
  no valid follow-up
  $ hopper opp show O7 --json | jq -r .owner
  null
  $ hopper history O7 --json | jq -r '.[0].reason'
  follows customer C9 (recycled: no valid follow-up (23 days))

Strict mode recorded in the database binds whatever funnel.toml hopper
runs with: a rep who points a funnel.toml of their own (strict = false)
at the workspace's records is still bound. Only an admin records it:

  $ hopper config strict on --as li
  hopper: config strict is for admins; li is a rep
  [9]
  $ hopper rep edit root --role admin -q
  R5
  $ hopper config strict on
  $ hopper config show | tail -1
  security   strict (recorded in the database: it holds whatever funnel.toml says)
  $ hopper config show --json | jq -c .security
  {"strict":true,"strict_recorded":true}
  $ hopper history --limit 1 --json | jq -r '.[0] | "\(.actor) \(.command): \(.change)"'
  … and 69 more; --all shows every row, --limit N the first N
  admin hopper config strict on: added

Off in the database, strict mode still holds for a funnel.toml that says so
(the stricter of the two):

  $ sed -i 's/^strict = false/strict = true/' funnel.toml
  $ hopper config strict off
  strict is off in the database; funnel.toml still says strict = true, which holds for whoever uses it
  $ hopper config show --json | jq -c .security
  {"strict":true,"strict_recorded":false}
  $ sed -i 's/^strict = true/strict = false/' funnel.toml
  $ hopper config strict on
  $ hopper rep edit root --role rep -q
  R5
  $ mkdir ../mine && sed 's/^strict = .*/strict = false/' funnel.toml > ../mine/funnel.toml && ln -s "$PWD/.hopper" ../mine/.hopper
  $ grep '^strict' ../mine/funnel.toml
  strict = false
  $ hopper -C ../mine customer list -q
  hopper: [security] strict: OS account 'root' may act only as its own rep, not as 'admin' (an admin may; see hopper rep list)
  [9]
  $ env -u HOPPER_USER hopper -C ../mine customer add 辛 -q
  hopper: [security] strict: --now, HOPPER_NOW and --at on a change are for admins; run it without them
  [9]
  $ env -u HOPPER_USER -u HOPPER_NOW hopper -C ../mine config strict off
  hopper: config strict is for admins; root is a rep
  [9]
  $ env -u HOPPER_USER hopper -C ../mine config show | tail -1
  security   strict (recorded in the database: it holds whatever funnel.toml says)
