Conflicts (撞单) resolved by policy or by a manager, assignment strategies, a rep leaving.

  $ . "$TESTDIR/setup.sh"
  $ hopper rep add sun --team west -q
  R5
  $ hopper customer add 华星科技 --owner li --phone 13800138000 -q
  C1
  $ hopper customer add 华星科技有限公司 --owner zhao --force -q
  C2
  opened conflict X1 (撞单); see hopper conflict list
  $ hopper customer add 远航集团 --owner li --segment KA -q
  C3
  $ hopper customer add 远航集团股份有限公司 --owner zhao --segment KA --force -q
  C4
  opened conflict X2 (撞单); see hopper conflict list

SMB, first contact: nobody has a valid follow-up yet, so it waits; then zhao calls first and wins both records.

  $ hopper conflict resolve X1
  hopper: X1: the first-contact policy cannot decide yet (no valid follow-up or open opportunity on either record); a manager may decide with --to REP
  [4]
  $ hopper --now 2026-11-28 log C2 '电话联系了采购部王经理，约了下周拜访' --type call --as zhao -q
  A1
  $ hopper --now 2026-11-29 log C1 '拜访了客户，介绍了我们的产品线' --type visit --as li -q
  A2
  $ hopper --now 2026-11-29 conflict resolve X1 --json | jq -c '{ref, status, resolved_to, resolution}'
  {"ref":"X1","status":"resolved","resolved_to":"zhao","resolution":"first-contact"}
  $ hopper customer list --json | jq -r '.[] | "\(.ref) \(.owner)"'
  C1 zhao
  C2 zhao
  C3 li
  C4 zhao

KA, progress: the owner of the most advanced open opportunity wins, at the nightly recycle:

  $ hopper opp add C3 --name 仓储 --amount 50万 --stage proposal --as li -q
  O1
  $ hopper opp add C4 --name 运输 --amount 80万 --as zhao -q
  O2
  $ hopper --now 2026-11-29 pool recycle --json | jq -c '.conflicts_resolved[] | {ref, resolved_to, resolution}'
  {"ref":"X2","resolved_to":"li","resolution":"progress"}
  $ hopper conflict list --status all --format table
  ID  RECORD  MATCHES  KEY      VALUE     STATUS    TO    HOW            OPENED
  X1  C2      C1       company  华星科技  resolved  zhao  first-contact  2026-11-27T09:00:00
  X2  C4      C3       company  远航      resolved  li    progress       2026-11-27T09:00:00

Only managers decide by hand:

  $ hopper customer add 青禾 --owner li -q
  C5
  $ hopper customer add 青禾公司 --owner sun --force -q
  C6
  opened conflict X3 (撞单); see hopper conflict list
  $ hopper conflict resolve X3 --to sun --as li
  hopper: resolving a conflict is for managers and admins; li is a rep
  [9]
  $ hopper conflict resolve X3 --to sun --as wang -q
  X3
  $ hopper conflict resolve X3 --to li --as wang
  hopper: X3 was already resolved to sun
  [4]

Assignment from the pool: to a rep, or by strategy; top-seller is the "fat man" rule (the best resources to the best seller).

  $ hopper customer add 甲 --pool -q
  C7
  $ hopper customer add 乙 --pool -q
  C8
  $ hopper customer add 丙 --pool -q
  C9
  $ hopper opp check O1 needs_analysis --as li -q; hopper opp check O1 quote_sent --as li -q; hopper opp edit O1 --close 2026-12-31 --as li -q
  O1
  O1
  O1
  $ hopper opp win O1 --as li -q
  O1
  $ hopper pool assign C7 --strategy top-seller --as wang --json | jq -r '.[].owner'
  li
  $ hopper pool status --json | jq -r '.rows[] | "\(.rep) \(.held)"'
  admin 0
  wang 0
  li 2
  zhao 2
  sun 2
  $ hopper pool assign C8 --strategy balanced --as wang --json | jq -r '.[].owner'
  li
  $ hopper pool assign C9 --to zhao --as wang -q
  C9
  $ hopper pool assign C9 --to zhao --as wang
  hopper: C9 is not in the pool: zhao owns it
  [4]
  $ hopper pool assign C6 --to zhao --as li
  hopper: assigning customers is for managers and admins; li is a rep
  [9]

A rep leaves: opportunities and their customers and signed customers go to the successor, the rest to the pool.

  $ hopper customer add 丁 --owner zhao -q
  C10
  $ hopper customer add 戊 --owner zhao --layer signed -q
  C11
  $ hopper rep leave zhao --to sun --as li
  hopper: handing over a leaving rep's records is for managers and admins; li is a rep
  [9]
  $ hopper rep leave zhao --to sun --as wang -q
  zhao left: 0 opportunities, 1 customers, 0 leads and 0 to-dos to sun; 4 customers to the shared pool
  R4
  $ hopper customer list --json | jq -r '.[] | select(.previous_owner == "zhao") | "\(.ref) \(.owner)"'
  C1 null
  C2 null
  C4 li
  C9 null
  C10 null
  C11 sun
  $ hopper opp list --json | jq -r '.[] | "\(.ref) \(.owner)"'
  O2 li
  $ hopper rep list --json | jq -r '.[] | select(.name == "zhao") | .active'
  false
  $ hopper customer add 己 --owner zhao
  hopper: rep 'zhao' has left and cannot own records
  [4]
  $ hopper lead list --as zhao
  hopper: rep 'zhao' has left this workspace
  [9]
