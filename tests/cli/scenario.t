One customer over a month, by hand: li opens a deal, releases the customer,
zhao claims it and wins the deal. The scorecard, the forecast by rep and the
history agree with the figures worked out by hand below.

  $ . "$TESTDIR/setup.sh"
  $ export HOPPER_USER=li

11-01: li adds 远航物流 and a 100万 deal closing 12-20; another customer of li's signs a 10万 renewal on 11-15.

  $ hopper --now 2026-11-01 customer add 远航物流 -q
  C1
  $ hopper --now 2026-11-01 opp add C1 --name 仓储系统 --amount 100万 --close 2026-12-20 -q
  O1
  $ hopper --now 2026-11-01 customer add 青禾超市 -q
  C2
  $ hopper --now 2026-11-02 opp add C2 --name 续约 --amount 10万 --pipeline S -q
  O2
  $ hopper --now 2026-11-15 opp win O2 -q
  O2

11-05: li moves O1 on to proposal (contact has no gate), checks the analysis.

  $ hopper --now 2026-11-05 opp promote O1 -q
  O1
  $ hopper --now 2026-11-06 opp check O1 needs_analysis -q
  O1

Forecast for Q4 on 11-06: O1 at proposal, 30 % of 1,000,000 = 300,000, li's.

  $ hopper --now 2026-11-06 forecast --period 2026-Q4 --by rep --json | jq -c '.rows[] | {group, count, weighted}'
  {"group":"li","count":1,"weighted":300000}

11-10: li releases 远航物流; the open deal goes to the pool with it. 11-11: zhao claims it and the deal is zhao's.

  $ hopper --now 2026-11-10 pool release C1 --reason '转给华东区' -q
  C1
  $ hopper --now 2026-11-11 pool claim C1 --as zhao -q
  C1
  $ hopper --now 2026-11-11 opp win O1
  hopper: opportunity O1 (customer C1) belongs to zhao; a rep may change only their own records (ask a manager)
  [9]
  $ hopper --now 2026-11-12 opp promote O1 --as zhao -q
  O1

Forecast for Q4 on 11-12: O1 at negotiation, 60 % of 1,000,000 = 600,000, now zhao's; li's won renewal is closed, apart.

  $ hopper --now 2026-11-12 forecast --period 2026-Q4 --by rep --json | jq -c '.rows[] | {group, count, weighted}'
  {"group":"zhao","count":1,"weighted":600000}
  $ hopper --now 2026-11-12 forecast --period 2026-Q4 --json | jq -c '{total, closed}'
  {"total":{"amount":1000000,"weighted":600000},"closed":{"amount":100000,"count":1}}

11-20: zhao wins O1 at 90万 after the quote.

  $ hopper --now 2026-11-20 opp win O1 --as zhao
  hopper: O1 cannot be won from negotiation:
    leaving negotiation: action 'quote_sent' is not done (hopper opp check O1 quote_sent)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper --now 2026-11-19 opp check O1 quote_sent --as zhao -q
  O1
  $ hopper --now 2026-11-20 opp win O1 --amount 90万 --as zhao -q
  O1

The November scorecard: zhao won 1 deal of 900,000, li 1 of 100,000 (the
renewal); li released one customer, zhao claimed one.

  $ hopper --now 2026-11-30 rep scorecard --period 2026-11 --as admin --json | jq -c '.rows[] | select(.won > 0 or .claimed > 0) | {rep, won, won_amount, claimed, released}'
  {"rep":"zhao","won":1,"won_amount":900000,"claimed":1,"released":0}
  {"rep":"li","won":1,"won_amount":100000,"claimed":0,"released":1}

Q4 now: nothing open; 2 deals closed for 1,000,000; the forecast says it is empty.

  $ hopper --now 2026-11-30 forecast --period 2026-Q4 --json | jq -c '{empty, total, closed}'
  {"empty":true,"total":{"amount":0,"weighted":0},"closed":{"amount":1000000,"count":2}}

The history of O1 tells the same story, in order:

  $ hopper history O1 --json | jq -r 'reverse | .[] | "\(.at[0:10]) \(.actor) \(.change)"'
  2026-11-01 li added
  2026-11-05 li stage: contact → proposal; stage_since: 2026-11-01T00:00:00 → 2026-11-05T00:00:00
  2026-11-06 li checked needs_analysis
  2026-11-10 li owner_id: 3 → null
  2026-11-11 zhao owner_id: null → 4
  2026-11-12 zhao stage: proposal → negotiation; stage_since: 2026-11-05T00:00:00 → 2026-11-12T00:00:00
  2026-11-19 zhao checked quote_sent
  2026-11-20 zhao amount: 100000000 → 90000000; closed_at: null → 2026-11-20T00:00:00; status: open → won
