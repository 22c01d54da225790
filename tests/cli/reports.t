Worked examples through the CLI: the 26,000,000 forecast of five deals and the 50 % conversion.

  $ . "$TESTDIR/setup.sh"
  $ cat >> funnel.toml <<'TOML'
  > [[pipeline]]
  > key = "F"
  > name = "Forecast (seed 003)"
  > [[pipeline.stage]]
  > key = "s10"
  > probability = 10
  > [[pipeline.stage]]
  > key = "s30"
  > probability = 30
  > [[pipeline.stage]]
  > key = "s60"
  > probability = 60
  > category = "best_case"
  > [[pipeline.stage]]
  > key = "s100"
  > probability = 100
  > category = "commit"
  > TOML
  $ export HOPPER_NOW=2016-12-15T09:00
  $ hopper customer add 客户甲 -q
  C1
  $ hopper opp add C1 --name P1 --amount 5000万 --pipeline F --stage s10 --close 2017-01-20 -q
  O1
  $ hopper opp add C1 --name P2 --amount 2000万 --pipeline F --stage s30 --close 2017-03-15 -q
  O2
  $ hopper opp add C1 --name P3 --amount 1000万 --pipeline F --stage s60 --close 2017-05-31 -q
  O3
  $ hopper opp add C1 --name P4 --amount 500万 --pipeline F --stage s100 --close 2017-08-10 -q
  O4
  $ hopper opp add C1 --name P5 --amount 400万 --pipeline F --stage s100 --close 2017-10-30 -q
  O5

50M@10 % + 20M@30 % + 10M@60 % + 5M@100 % + 4M@100 % = 26,000,000:

  $ hopper forecast --period 2017 --format table
  Forecast · method stage · 2017 (2017-01-01 – 2017-12-31) · as of 2016-12-15T09:00:00
  
  REF    NAME  CUSTOMER  CLOSE       AMOUNT (CNY)  PROB  WEIGHTED (CNY)  OWNER
  O1     P1    客户甲    2017-01-20    50,000,000   10%       5,000,000  admin
  O2     P2    客户甲    2017-03-15    20,000,000   30%       6,000,000  admin
  O3     P3    客户甲    2017-05-31    10,000,000   60%       6,000,000  admin
  O4     P4    客户甲    2017-08-10     5,000,000  100%       5,000,000  admin
  O5     P5    客户甲    2017-10-30     4,000,000  100%       4,000,000  admin
  total  -     -         -             89,000,000     -      26,000,000  -
  
  closed (won) in 2017: 0 deals, 0
  $ hopper forecast --period 2017 --json | jq -c '.total'
  {"amount":89000000,"weighted":26000000}
  $ hopper forecast --period 2017 --by quarter --format table
  Forecast · method stage · 2017 (2017-01-01 – 2017-12-31) · as of 2016-12-15T09:00:00
  
  quarter  COUNT  AMOUNT (CNY)  WEIGHTED (CNY)
  2017-Q1      2    70,000,000      11,000,000
  2017-Q2      1    10,000,000       6,000,000
  2017-Q3      1     5,000,000       5,000,000
  2017-Q4      1     4,000,000       4,000,000
  total        -    89,000,000      26,000,000
  
  closed (won) in 2017: 0 deals, 0
  $ hopper forecast --period 2017 --by quarter --json | jq '[.rows[].weighted] | add'
  26000000
  $ hopper forecast --period 2017 --by category --json | jq -c '.rows[] | {group, weighted}'
  {"group":"pipeline","weighted":11000000}
  {"group":"best_case","weighted":6000000}
  {"group":"commit","weighted":9000000}
  $ hopper forecast --period 2017-Q1 --json | jq -c '[.rows[].ref, .total.weighted]'
  ["O1","O2",11000000]

A manager's own win rate for a huge deal changes the forecast (fixed win rates mislead on a few huge deals):

  $ hopper opp prob O1 5 -q
  O1
  $ hopper forecast --period 2017 --json | jq -c '.total'
  {"amount":89000000,"weighted":23500000}
  $ hopper opp prob O1 --clear -q
  O1

Won deals in the period are shown apart as closed; the total is of open deals only:

  $ hopper --now 2017-08-12 opp win O4 -q
  O4
  $ hopper --now 2017-08-12 forecast --period 2017 --json | jq -c '{total, closed}'
  {"total":{"amount":84000000,"weighted":21000000},"closed":{"amount":5000000,"count":1}}

The funnel: distribution of count and amount per stage:

  $ hopper funnel report --pipeline F --format table
  Funnel · as of 2016-12-15T09:00:00
  
  PIPELINE  STAGE  NAME  COUNT  COUNT %  AMOUNT (CNY)  AMOUNT %  WEIGHTED (CNY)
  F         s10    s10       1      25%    50,000,000    59.52%       5,000,000
  F         s30    s30       1      25%    20,000,000    23.81%       6,000,000
  F         s60    s60       1      25%    10,000,000     11.9%       6,000,000
  F         s100   s100      1      25%     4,000,000     4.76%       4,000,000
  total     -      -         4        -    84,000,000         -      21,000,000
  $ hopper funnel report --pipeline F --json | jq -c '.total'
  {"amount":84000000,"count":4,"weighted":21000000}
  $ hopper funnel report --by rep --pipeline F --format tsv | cut -f1,3,5
  admin\ts10\t1 (esc)
  admin\ts30\t1 (esc)
  admin\ts60\t1 (esc)
  admin\ts100\t1 (esc)
  total\t\t4 (esc)
  $ hopper funnel report --layers --format table
  Customers per layer · as of 2016-12-15T09:00:00
  
  LAYER        NAME      COUNT  IDEAL/REP  admin  wang  li  zhao
  resource     客户资源      0          -      0     0   0     0
  graded       已分级        0         10      0     0   0     0
  contacted    已接触        0         13      0     0   0     0
  lead         有线索        0          7      0     0   0     0
  intent       意向          0          2      0     0   0     0
  signed       签约          1          -      1     0   0     0
  implemented  已实施        0          -      0     0   0     0
  abandoned    放弃          0          -      0     0   0     0

The conversion, scaled down: 20 at the first stage on 2017-08-01; by 08-31 10 moved on, 8 stayed, 2 lost.

  $ export HOPPER_NOW=2017-07-20T09:00
  $ hopper customer add 客户乙 -q
  C2
  $ for i in $(seq 20); do hopper opp add C2 --name "Deal $i" --amount 1万 -q; done | tail -1
  O25
  $ for i in $(seq 6 15); do hopper --now 2017-08-1$((i % 9)) opp promote O$i -q; done | wc -l
  10
  $ hopper --now 2017-08-20 opp lose O16 --reason price -q
  O16
  $ hopper --now 2017-08-21 opp lose O17 --reason competitor -q
  O17
  $ hopper --now 2017-08-05 opp add C2 --name 'New in August' --amount 1万 -q
  O26
  $ hopper --now 2017-08-06 opp promote O26 -q
  O26
  $ hopper --now 2017-09-02 opp promote O18 -q
  O18
  $ hopper --now 2017-09-05 funnel conversion --period 2017-08 --pipeline M --format table
  Stage conversion · method start · 2017-08 (2017-08-01 – 2017-08-31) · as of 2017-09-05T00:00:00
  
  PIPELINE  STAGE        NAME      START  MOVED  STAYED  LOST  BACK  RATE
  M         contact      初步接触     20     10       8     2     0   50%
  M         proposal     方案报价      0      0       0     0     0     -
  M         negotiation  商务谈判      0      0       0     0     0     -
  M         contract     签订合同      0      0       0     0     0     -
  
  Of those in each stage at the start of 2017-08 (seed 003): where they were at its end; --cohort entered counts those that entered it during the period.
  $ hopper --now 2017-09-05 funnel conversion --period 2017-08 --pipeline M --json | jq -c '.rows[0]'
  {"lost":2,"moved":10,"pipeline":"M","rate":50,"regressed":0,"stage":"contact","stage_name":"初步接触","start":20,"stayed":8}
  $ hopper --now 2017-09-05 funnel conversion --period 2017-08 --layers --json | jq -c '.rows[] | select(.start > 0)'
  {"lost":0,"moved":1,"pipeline":null,"rate":50,"regressed":0,"stage":"intent","stage_name":"意向","start":2,"stayed":1}

The default cohort is what was in a stage when the period began, so a period
that starts before the first deal has none. --cohort entered counts the
deals that entered each stage during the period instead (a new deal enters
its first), and every report says which cohort it counts: in August, only
O26 entered contact (and moved on); O6–O15 and O26 entered proposal and
stayed there.

  $ hopper --now 2017-09-05 funnel conversion --period 2017-07 --pipeline M --format table
  Stage conversion · method start · 2017-07 (2017-07-01 – 2017-07-31) · as of 2017-09-05T00:00:00
  
  nothing was in the funnel at the start of 2017-07; --cohort entered counts what entered a stage during it
  $ hopper --now 2017-09-05 funnel conversion --period 2017-07 --pipeline M --cohort entered --format table
  Stage conversion · method entered · 2017-07 (2017-07-01 – 2017-07-31) · as of 2017-09-05T00:00:00
  
  PIPELINE  STAGE        NAME      ENTERED  MOVED  STAYED  LOST  BACK  RATE
  M         contact      初步接触       20      0      20     0     0    0%
  M         proposal     方案报价        0      0       0     0     0     -
  M         negotiation  商务谈判        0      0       0     0     0     -
  M         contract     签订合同        0      0       0     0     0     -
  
  Of those that entered each stage during 2017-07: where they were at its end.
  $ hopper --now 2017-09-05 funnel conversion --period 2017-08 --pipeline M --cohort entered --json | jq -c '.method, (.rows[] | select(.entered > 0) | {stage, entered, moved, stayed, lost, rate})'
  "entered"
  {"stage":"contact","entered":1,"moved":1,"stayed":0,"lost":0,"rate":100}
  {"stage":"proposal","entered":11,"moved":0,"stayed":11,"lost":0,"rate":0}
  $ hopper --now 2017-09-05 funnel conversion --period 2017-08 --cohort entered --layers --json | jq -c '.rows[] | select(.entered > 0) | {stage, entered, moved, stayed}'
  {"stage":"signed","entered":1,"moved":0,"stayed":1}

Historical win rates from that history (product of onward conversions), with sample sizes:

  $ hopper --now 2017-09-05 forecast --method historical --period 2017 --json | jq -c '.win_rates[] | select(.pipeline == "M")'
  {"basis":"stage probability","pipeline":"M","sample":2,"stage":"contact","used":10,"win_rate":0,"won":0}
  {"basis":"stage probability","pipeline":"M","sample":0,"stage":"proposal","used":30,"win_rate":null,"won":0}
  {"basis":"stage probability","pipeline":"M","sample":0,"stage":"negotiation","used":60,"win_rate":null,"won":0}
  {"basis":"stage probability","pipeline":"M","sample":0,"stage":"contract","used":90,"win_rate":null,"won":0}
  $ hopper --now 2017-09-05 forecast --method run-rate --json | jq -c '.rows[0]'
  {"average_won":5000000,"closed":0,"created":21,"days_left":31,"expected":12054350,"lost":2,"period":"2017-10","projected":12054350,"win_rate":33.33,"window_days":90,"window_from":"2017-06-08","won":1}

HTML for the cron mail: one self-contained file with the funnel as SVG, every value escaped.

  $ hopper customer add '<script>alert(1)</script>' -q
  C3
  $ hopper opp add C3 --name '<b>bold</b>' --amount 1 --pipeline F --close 2017-06-01 -q
  O27
  $ hopper funnel report --format html > funnel.html
  $ grep -c '<svg' funnel.html; grep -c '<script' funnel.html; grep -c -E 'src=|href=|@import' funnel.html
  3
  0
  0
  [1]
  $ hopper forecast --period 2017 --format html | grep -o '&lt;b&gt;bold&lt;/b&gt;'
  &lt;b&gt;bold&lt;/b&gt;

The weekly cron script writes the mail-ready pages:

  $ HOPPER="$(command -v hopper)" bash "$TESTDIR/../../examples/cron/weekly-forecast.sh" . out | sed 's|out/||g'
  wrote forecast.html, funnel.html and forecast.json
  $ grep -c '<svg' out/forecast.html out/funnel.html
  out/forecast.html:1
  out/funnel.html:3
  $ jq -r '.period.label' out/forecast.json
  2017-Q4

Every report takes --from/--to instead of --period:

  $ hopper forecast --from 2017-01-01 --to 2017-03-31 --json | jq -c '{label: .period.label, weighted: .total.weighted}'
  {"label":"2017-01-01..2017-03-31","weighted":11000000}
  $ hopper forecast --from 2017-03-31 --to 2017-01-01
  hopper: --to 2017-01-01 is before --from 2017-03-31
  [6]
  $ hopper forecast --from 2017-01-01
  hopper: give both --from and --to
  [2]
  $ hopper forecast --period 2017 --to 2017-01-01
  hopper: --period excludes --to; see hopper forecast --help
  [2]
  $ hopper forecast --period 2017 --by rep --json | jq -c '.rows[] | {group, count, weighted}'
  {"group":"admin","count":5,"weighted":21000000.1}
  $ hopper forecast --period 2017 --by pipeline --format tsv
  F\t5\t84000001\t21000000.1 (esc)
  total\t\t84000001\t21000000.1 (esc)
