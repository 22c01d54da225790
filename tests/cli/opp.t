hopper opp: weighted value, stage gates, won and lost, history.

  $ . "$TESTDIR/setup.sh"
  $ cat >> funnel.toml <<'TOML'
  > [[pipeline]]
  > key = "P"
  > name = "Projects (seed 000)"
  > [[pipeline.stage]]
  > key = "objection"
  > name = "处理异议"
  > probability = 20
  > [[pipeline.stage]]
  > key = "demo"
  > name = "演示"
  > probability = 80
  > [[pipeline.stage]]
  > key = "close"
  > name = "成交"
  > probability = 90
  > category = "commit"
  > TOML
  $ hopper customer add 甲公司 --owner li -q
  C1
  $ hopper customer add 乙公司 --owner li -q
  C2

Weighted value: projects A (1,000,000) and B (300,000) at an 80 % stage.

  $ hopper opp add C1 --name A --amount 1,000,000 --pipeline P --stage demo --as li -q
  O1
  $ hopper opp add C2 --name B --amount 30万 --pipeline P --stage demo --as li -q
  O2
  $ hopper opp list --pipeline P --format table
  REF  NAME  CUSTOMER  STAGE  AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE  OWNER  STATUS
  O1   A     甲公司    demo      1,000,000   80%         800,000  -      li     open
  O2   B     乙公司    demo        300,000   80%         240,000  -      li     open
  $ hopper customer list --json | jq -r '.[] | "\(.ref) \(.layer)"'
  C1 intent
  C2 intent

After the demo A drops to 20 % and B rises to 90 %: B now deserves more.

  $ hopper opp demote O1 --as li -q
  O1
  $ hopper opp promote O2 --as li -q
  O2
  $ hopper opp list --sort weighted --format table
  REF  NAME  CUSTOMER  STAGE      AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE  OWNER  STATUS
  O2   B     乙公司    close           300,000   90%         270,000  -      li     open
  O1   A     甲公司    objection     1,000,000   20%         200,000  -      li     open
  $ hopper opp list --sort weighted --json | jq -c '.[] | {ref, stage, probability, weighted}'
  {"ref":"O2","stage":"close","probability":90,"weighted":270000}
  {"ref":"O1","stage":"objection","probability":20,"weighted":200000}

B closes at 500,000; the customer is signed:

  $ hopper opp win O2 --amount 50万 --as li --json | jq -c '{status, amount, probability, weighted, category}'
  {"status":"won","amount":500000,"probability":100,"weighted":500000,"category":"closed"}
  $ hopper customer show C2 --json | jq -r .layer
  signed
  $ hopper opp list --status won -q
  O2

Stage gates (pipeline M: sequential; proposal needs needs_analysis and a close date):

  $ hopper opp add C1 --name 'ERP upgrade' --amount 1.5m --as li -q
  O3
  $ hopper opp promote O3 --as li -q
  O3
  $ hopper opp promote O3 --as li
  hopper: O3 cannot move from proposal to negotiation:
    leaving proposal: action 'needs_analysis' is not done (hopper opp check O3 needs_analysis)
    leaving proposal: field 'close_date' is empty (hopper opp edit O3 --close DATE)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp promote O3 --to contract --as li
  hopper: O3 cannot move from proposal to contract:
    pipeline M is sequential: moving from proposal to contract skips negotiation (promote one stage at a time: hopper opp promote O3)
    leaving proposal: action 'needs_analysis' is not done (hopper opp check O3 needs_analysis)
    leaving proposal: field 'close_date' is empty (hopper opp edit O3 --close DATE)
    leaving negotiation: action 'quote_sent' is not done (hopper opp check O3 quote_sent)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp promote O3 --force --as li
  hopper: --force is for managers and admins; li is a rep
  [9]
  $ hopper opp check O3 needs_analysis --as li -q
  O3
  $ hopper opp check O3 handshake --as li
  hopper: 'handshake' is not an action of pipeline M (actions: needs_analysis, quote_sent)
  [6]
  $ hopper opp edit O3 --close 2026-12-31 --as li -q
  O3
  $ hopper opp promote O3 --as li --json | jq -r .stage
  negotiation
  $ hopper opp promote O3 --as wang --force --reason "customer signed the quote in person" --json | jq -r .stage
  contract
  $ hopper history O3 --format tsv | cut -f5,6
  stage: negotiation → contract\tforced by wang: leaving negotiation: action 'quote_sent' is not done (hopper opp check O3 quote_sent) — customer signed the quote in person (esc)
  stage: proposal → negotiation\t (esc)
  close_date: null → 2026-12-31\t (esc)
  checked needs_analysis\t (esc)
  stage: contact → proposal\t (esc)
  added\tadded (esc)
  $ hopper opp promote O3 --as li
  hopper: O3 is in the last stage of M; close it with 'hopper opp win O3'
  [4]

Manual probability is sticky across moves until cleared; only managers set it on others' deals:

  $ hopper opp prob O3 35 --as zhao
  hopper: opportunity O3 (customer C1) belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper opp prob O3 35 --as wang --json | jq -c '{probability, manual_probability, weighted}'
  {"probability":35,"manual_probability":35,"weighted":525000}
  $ hopper opp demote O3 --as li --json | jq -c '{stage, probability}'
  {"stage":"negotiation","probability":35}
  $ hopper opp prob O3 --clear --as li --json | jq -c '{stage, probability, manual_probability}'
  {"stage":"negotiation","probability":60,"manual_probability":null}
  $ hopper opp prob O3 --as li
  hopper: give either a PERCENT or --clear
  [2]
  $ hopper opp prob O3 101 --as li
  hopper: invalid probability '101': must be between 0 and 100
  [6]

Lost with a reason from the pipeline, then reopened in its last open stage:

  $ hopper opp lose O3 --reason weather --as li
  hopper: 'weather' is not a lost reason of pipeline M (lost_reasons: price, competitor, no budget, no decision, other)
  [6]
  $ hopper opp lose O3 --reason price --as li --json | jq -c '{status, lost_reason, probability}'
  {"status":"lost","lost_reason":"price","probability":0}
  $ hopper opp promote O3 --as li
  hopper: opportunity O3 is lost; reopen it first (hopper opp reopen O3)
  [4]
  $ hopper opp reopen O3 --as li --json | jq -c '{status, stage}'
  {"status":"open","stage":"negotiation"}
  $ hopper opp win O2 --as li
  hopper: opportunity O2 is won; reopen it first (hopper opp reopen O2)
  [4]
  $ hopper opp reopen O2 --as li
  hopper: reopening a won deal is for managers and admins; li is a rep
  [9]

Every step is in the history with its actor and time (here back-dated with --at):

  $ hopper opp lose O3 --reason competitor --at 2026-11-20T10:00 --as li -q
  O3
  $ hopper opp reopen O3 --at 2026-11-21T11:00 --as li -q
  O3
  $ hopper history O3 --json | jq -r '.[] | "\(.actor) \(.change)"'
  li closed_at: 2026-11-20T10:00:00 → null; lost_reason: competitor → ; stage_since: 2026-11-27T09:00:00 → 2026-11-21T11:00:00; status: lost → open
  li closed_at: null → 2026-11-20T10:00:00; lost_reason:  → competitor; status: open → lost
  li closed_at: 2026-11-27T09:00:00 → null; lost_reason: price → ; status: lost → open
  li closed_at: null → 2026-11-27T09:00:00; lost_reason:  → price; status: open → lost
  li manual_probability: 35.0 → null
  li stage: contract → negotiation
  wang manual_probability: null → 35.0
  wang stage: negotiation → contract
  li stage: proposal → negotiation
  li close_date: null → 2026-12-31
  li checked needs_analysis
  li stage: contact → proposal
  li added

Follow-ups on an opportunity count for its customer. Refusals:

  $ hopper log O3 '与客户 CIO 电话沟通了方案细节和报价' --type call --as li -q
  A1
  $ hopper customer show C1 --json | jq -r '.followups[].on'
  O3
  $ hopper opp show O3 --format table
  ref                 O3
  name                ERP upgrade
  customer            C1
  customer name       甲公司
  pipeline            M
  stage               negotiation
  stage name          商务谈判
  category            best_case
  status              open
  amount              1,500,000 CNY
  probability         60%
  manual probability  -
  weighted            900,000 CNY
  close date          2026-12-31
  owner               li
  closed              -
  lost reason         -
  actions done        needs_analysis
  in stage since      2026-11-21T11:00:00
  created             2026-11-27T09:00:00
  项目编号            -
  预计毛利            -
  销售费用预算        -
  项目类别            -
  
  Follow-ups
  AT                   ON  TYPE  BY  VALID  TEXT                                 WHY INVALID
  2026-11-27T09:00:00  O3  call  li  yes    与客户 CIO 电话沟通了方案细节和报价  -
  $ hopper opp show O99
  hopper: no opportunity O99 (see hopper opp list)
  [3]
  $ hopper opp add C9 --name X --amount 1
  hopper: no customer C9 (see hopper customer list)
  [3]
  $ hopper opp add C1 --name X --amount -1 --as li
  hopper: opp add refused, nothing was written:
    --amount: invalid amount '-1': amounts cannot be negative; use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元
  [6]
  $ hopper opp add C1 --name X --amount 1 --as zhao
  hopper: customer C1 belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper opp add C1 --name X --amount 1 --stage nowhere --as li
  hopper: 'nowhere' is not a stage of pipeline M (stages: contact, proposal, negotiation, contract)
  [6]
