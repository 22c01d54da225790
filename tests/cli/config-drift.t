Editing funnel.toml never strands records: config check compares the rules
with the records, config rename moves stored keys, listings never crash.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --owner li -q
  C1
  $ hopper opp add C1 --name ERP --amount 30万 --stage proposal --set project_number=P-1 --set gross_margin=35 --as li -q
  O1
  $ cp funnel.toml good.toml

A stage key renamed in the file (proposal → quote): check names it and the
count, reports and listings show the deal as stored, moving it says what to do.

  $ sed -i 's/^key = "proposal"/key = "quote"/' funnel.toml
  $ hopper config check
  hopper: funnel.toml no longer fits 1 record key(s):
    stage 'proposal' of pipeline M is used by 1 opportunity but funnel.toml no longer defines it; define it again, or rename it to a key the file defines: hopper config rename stage proposal NEW
  [7]
  $ hopper funnel report --format tsv | cut -f1-3
  M\tcontact\t初步接触 (esc)
  M\tquote\t方案报价 (esc)
  M\tnegotiation\t商务谈判 (esc)
  M\tcontract\t签订合同 (esc)
  M\tproposal\tproposal (not in funnel.toml) (esc)
  S\trenewal\t续约沟通 (esc)
  S\torder\t下单确认 (esc)
  total\t\t (esc)
  $ hopper opp list --json | jq -c '.[] | {ref, stage, stage_name, probability}'
  {"ref":"O1","stage":"proposal","stage_name":"proposal (not in funnel.toml)","probability":0}
  $ hopper opp promote O1 --as li
  hopper: O1 is in stage 'proposal' of pipeline M, which funnel.toml no longer defines; move it with hopper opp move O1 STAGE, or rename the key (hopper config rename stage proposal NEW)
  [7]

The rename moves the records (and their history) in one transaction; a dry run counts:

  $ hopper config rename stage proposal quote --as li
  hopper: config rename is for admins; li is a rep
  [9]
  $ hopper config rename stage proposal nowhere
  hopper: stage 'nowhere' is not defined in funnel.toml; edit the file first so the records have somewhere to go (hopper config show)
  [6]
  $ hopper config rename stage proposal quote --dry-run
  stage\tM\tproposal\tquote\t1 (esc)
  dry run: nothing was changed
  $ hopper config rename stage proposal quote
  stage\tM\tproposal\tquote\t1 (esc)
  $ hopper config check
  funnel.toml: ok
  $ hopper opp list --json | jq -c '.[] | {ref, stage, stage_name}'
  {"ref":"O1","stage":"quote","stage_name":"方案报价"}
  $ hopper history O1 --json | jq -r '.[] | select(.change | test("stage")) | .change'
  stage: proposal → quote

A layer key renamed (intent → interest): the layer report keeps its customers until renamed.

  $ sed -i 's/^key = "intent"/key = "interest"/' funnel.toml
  $ hopper config check 2>&1 | tail -1
    layer 'intent' is used by 1 customer but funnel.toml no longer defines it; define it again, or rename it to a key the file defines: hopper config rename layer intent NEW
  $ hopper funnel report --layers --format tsv | cut -f1,2,3
  resource\t客户资源\t0 (esc)
  graded\t已分级\t0 (esc)
  contacted\t已接触\t0 (esc)
  lead\t有线索\t0 (esc)
  interest\t意向\t0 (esc)
  signed\t签约\t0 (esc)
  implemented\t已实施\t0 (esc)
  abandoned\t放弃\t0 (esc)
  intent\tintent (not in funnel.toml)\t1 (esc)
  $ hopper config rename layer intent interest -q
  $ hopper funnel report --layers --format tsv | cut -f1,2,3 | grep interest
  interest\t意向\t1 (esc)

A custom field whose type changed (text → number): listings show the value as stored, check lists it.

  $ sed -i '/key = "project_number"/,/type/ s/type = "text"/type = "number"/' funnel.toml
  $ hopper opp list --json | jq -c '.[0].fields'
  {"gross_margin":35,"project_number":"P-1"}
  $ hopper opp show O1 --format table | grep 项目编号
  项目编号            P-1
  $ hopper config check
  hopper: funnel.toml no longer fits 1 record key(s):
    opportunity field 'project_number' is now a number, but 1 stored value 'P-1' is not a number; listings show it as stored: fix it with hopper opp edit REF --set project_number=…
  [7]
  $ sed -i 's/^key = "gross_margin"/key = "margin"/' funnel.toml
  $ sed -i '/key = "project_number"/,/type/ s/type = "number"/type = "text"/' funnel.toml
  $ hopper config check
  hopper: funnel.toml no longer fits 1 record key(s):
    opportunity field 'gross_margin' is used by 1 opportunity but funnel.toml no longer defines it; define it again, or rename it to a key the file defines: hopper config rename field gross_margin NEW
  [7]
  $ hopper config rename field gross_margin margin -q
  $ hopper opp list --json | jq -c '.[0].fields'
  {"margin":35,"project_number":"P-1"}

A grade dropped from the file:

  $ hopper customer add 远航 --owner li --grade D -q
  C2
  $ sed -i 's/^order = \["A", "B", "C", "D"\]/order = ["A", "B", "C"]/; /^D = /d' funnel.toml
  $ hopper config check
  hopper: funnel.toml no longer fits 1 record key(s):
    grade 'D' (customers) is used by 1 customer but funnel.toml no longer defines it; define it again, or rename it to a key the file defines: hopper config rename grade D NEW
  [7]
  $ hopper customer list --json | jq -c '.[] | {ref, grade}'
  {"ref":"C1","grade":null}
  {"ref":"C2","grade":"D"}
  $ hopper customer list --grade D
  hopper: 'D' is not a grade of this workspace (valid: A, B, C; see hopper config show)
  [6]
  $ hopper config rename grade D C
  grade\t\tD\tC\t1 (esc)
  $ hopper config check
  funnel.toml: ok

A pipeline dropped from the file: its deals are reported as stored, in a
row of their own, so a report's rows add up to its total (by stage and by
forecast category alike):

  $ hopper opp add C1 --name 续约 --amount 1万 --pipeline S --close 2026-12-20 --as li -q
  O2
  $ cp funnel.toml kept.toml
  $ n=$(grep -n '^key = "S"' funnel.toml | cut -d: -f1) && sed -i "$((n - 1)),/^\$/d" funnel.toml
  $ hopper config check 2>&1 | tail -1
    pipeline 'S' is used by 1 opportunity but funnel.toml no longer defines it; define it again, or rename it to a key the file defines: hopper config rename pipeline S NEW
  $ hopper funnel report --format tsv | cut -f1-4
  M\tcontact\t初步接触\t0 (esc)
  M\tquote\t方案报价\t1 (esc)
  M\tnegotiation\t商务谈判\t0 (esc)
  M\tcontract\t签订合同\t0 (esc)
  S\trenewal\trenewal (not in funnel.toml)\t1 (esc)
  total\t\t\t2 (esc)
  $ hopper funnel report --json | jq '([.rows[].count] | add) == .total.count'
  true
  $ hopper forecast --period 2026-Q4 --by category --json | jq -c '[.rows[] | {group, count}], ([.rows[].amount] | add) == .total.amount'
  [{"group":"pipeline","count":0},{"group":"best_case","count":0},{"group":"commit","count":0},{"group":"(stage not in funnel.toml)","count":1}]
  true

A rules file cut short (a bad merge, a full disk: only a comment left)
defines no pipeline while deals use them: every command and config check
refuse it, naming the file, rather than run on the built-in rules:

  $ echo '# funnel.toml — the rules of a hopper workspace' > funnel.toml
  $ hopper opp list
  hopper: funnel.toml defines no [[pipeline]], but 2 opportunities use pipelines M, S: a rules file cut short (a bad merge, a full disk) must not run them on built-in rules. Restore it (git checkout, or the last good copy) or define the pipelines again
  [7]
  $ hopper config check
  hopper: funnel.toml defines no [[pipeline]], but 2 opportunities use pipelines M, S: a rules file cut short (a bad merge, a full disk) must not run them on built-in rules. Restore it (git checkout, or the last good copy) or define the pipelines again
  [7]
  $ cp kept.toml funnel.toml && hopper opp list -q
  O1
  O2
