Velocity, health, scorecard and the pool report (seeds 002 and 004), stepping --now.

  $ . "$TESTDIR/setup.sh"
  $ export HOPPER_NOW=2026-10-01T09:00
  $ hopper customer add 甲 --owner li -q
  C1
  $ hopper customer add 乙 --owner li -q
  C2
  $ hopper customer add 丙 --owner zhao -q
  C3
  $ hopper customer add 丁 --pool --grade B -q
  C4
  $ hopper customer add 戊 --pool --grade A --segment KA -q
  C5
  $ hopper --now 2026-10-02 customer move C1 graded --as li -q
  C1
  $ hopper --now 2026-10-04 customer move C1 contacted --as li -q
  C1
  $ hopper --now 2026-10-03 customer move C2 graded --as li -q
  C2
  $ hopper --now 2026-10-06 customer abandon C2 --reason 'no need' --as li -q
  C2
  $ hopper --now 2026-10-05 customer move C3 signed --as zhao -q
  C3
  $ hopper --now 2026-10-05 pool claim C4 --as zhao -q
  C4
  $ hopper --now 2026-10-06 pool stake C5 --as li -q
  C5
  $ hopper --now 2026-10-07 log C1 '继续跟进' --type call --as li -q
  logged, but not a valid follow-up: filler phrase only (继续跟进, 暂无意向, 保持互动); it does not reset the recycling clock
  A1
  $ hopper --now 2026-10-08 log C1 '拜访客户，确认了需求和预算范围' --type visit --as li -q
  A2
  $ hopper --now 2026-10-08 opp add C1 --name 项目 --amount 10万 --as li -q
  O1

Days per layer against ideal_days, movement against ideal_rate:

  $ hopper --now 2026-10-20 funnel velocity --layers --format table
  Layer velocity · as of 2026-10-20T00:00:00
  
  LAYER        NAME      ENTERED  LEFT  AVG DAYS  IDEAL DAYS  MEDIAN  MOVED ON  IDEAL RATE
  resource     客户资源        5     3      1.96           1    1.63      100%        100%
  graded       已分级          2     2       2.5           1     2.5       50%         90%
  contacted    已接触          1     1         4           5       4      100%         50%
  lead         有线索          0     0         -           5       -         -         30%
  intent       意向            1     0         -           5       -         -         10%
  signed       签约            1     0         -           5       -         -           -
  implemented  已实施          0     0         -           -       -         -           -
  $ hopper --now 2026-10-20 funnel velocity --layers --by rep --json | jq -c '.rows[] | select(.left > 0) | {rep, stage, left, average_days}'
  {"rep":"li","stage":"resource","left":1,"average_days":0.63}
  {"rep":"li","stage":"graded","left":1,"average_days":2}
  {"rep":"li","stage":"contacted","left":1,"average_days":4}
  {"rep":"zhao","stage":"resource","left":1,"average_days":3.63}
  $ hopper --now 2026-10-20 funnel velocity --json | jq -c '.rows[0]'
  {"average_days":null,"entered":1,"ideal_days":null,"ideal_rate":null,"left":0,"median_days":null,"moved":0,"movement_rate":null,"pipeline":"M","rep":null,"stage":"contact","stage_name":"初步接触"}

Exceptions worth a manager's look: a signing from outside the funnel, a rotting deal:

  $ hopper --now 2026-10-30 funnel health --format table
  Funnel health · as of 2026-10-30T00:00:00
  
  KIND                   REF  REP   DETAIL
  signed_outside_funnel  C3   zhao  丙 went from 客户资源 straight to signed on 2026-10-05
  rotting                O1   li    项目 idle 22 days in contact (rotten after 14)

The scorecard, ranked by won amount; the pool report:

  $ hopper --now 2026-10-30 opp win O1 --as wang --force --reason '客户当场签约' -q
  O1
  $ hopper --now 2026-10-30 rep scorecard --period 2026-10 --format table
  Scorecard · 2026-10 (2026-10-01 – 2026-10-31) · as of 2026-10-30T00:00:00
  
  #  REP    TEAM  WON  WON AMOUNT (CNY)  HELD/IDEAL         CLAIMED  ABANDONED %  INVALID F/U %  STAKED  COMPLETE  STAKE WINS
  1  li     east    1           100,000  0/10 0/13 0/7 0/2        0            -            50%       1         0           0
  2  admin  -       0                 0  0/10 0/13 0/7 0/2        0            -              -       0         0           0
  3  wang   east    0                 0  0/10 0/13 0/7 0/2        0            -              -       0         0           0
  4  zhao   west    0                 0  0/10 0/13 0/7 0/2        1           0%              -       0         0           0
  $ hopper --now 2026-10-30 rep scorecard --period 2026-10 --rep li --json | jq -c '.rows[0] | {rank, rep, won, won_amount, claimed, abandoned, invalid_share, staked, holdings_vs_ideal}'
  {"rank":1,"rep":"li","won":1,"won_amount":100000,"claimed":0,"abandoned":1,"invalid_share":50,"staked":1,"holdings_vs_ideal":"0/10 0/13 0/7 0/2"}
  $ hopper --now 2026-10-30 pool report --period 2026-10 --format table
  Shared pool · 2026-10 (2026-10-01 – 2026-10-31) · as of 2026-10-30T00:00:00
  
  MEASURE         VALUE                              COUNT
  grade           A                                      1
  grade           B                                      0
  grade           C                                      0
  grade           D                                      0
  segment         SMB                                    0
  segment         KA                                     1
  age             0-7 days                               0
  age             8-30 days                              1
  age             31-90 days                             0
  age             over 90 days                           0
  flow            start                                  0
  flow in         added                                  2
  flow in         abandoned                              1
  flow out        claimed                               -1
  flow            end                                    2
  forced release  no valid follow-up                     0
  forced release  no valid follow-up (key accounts)      0
  forced release  no deal                                0
  forced release  lapsed customer                        0
  total           -                                      1
  $ hopper --now 2026-10-30 pool report --period 2026-10 --json | jq -c '.total'
  {"count":1}

Piped or as CSV, hopper's own words go to a spreadsheet as they are: the
direction of a flow is a word, not a sign a spreadsheet would run, and a
lone "-" (nobody) is no formula.

  $ hopper --now 2026-10-30 pool report --period 2026-10 | grep -E '^(flow|total)'
  flow\tstart\t0 (esc)
  flow in\tadded\t2 (esc)
  flow in\tabandoned\t1 (esc)
  flow out\tclaimed\t-1 (esc)
  flow\tend\t2 (esc)
  total\t\t1 (esc)
  $ hopper --now 2026-10-30 pool report --period 2026-10 -o csv | grep flow
  flow,start,0\r (esc)
  flow in,added,2\r (esc)
  flow in,abandoned,1\r (esc)
  flow out,claimed,-1\r (esc)
  flow,end,2\r (esc)
  $ hopper --now 2026-10-30 funnel report --by rep | cut -f1-3
  -\tM\tcontact (esc)
  -\tM\tproposal (esc)
  -\tM\tnegotiation (esc)
  -\tM\tcontract (esc)
  -\tS\trenewal (esc)
  -\tS\torder (esc)
  total\t\t (esc)
