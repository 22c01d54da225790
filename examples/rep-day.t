A rep's day: li, on the east team, on Friday 27 November 2026, in the demo
workspace (examples/demo). This transcript is a test (ctest runs it with
cram), so every output below is exactly what hopper prints.

  $ export HOPPER_USER=admin NO_COLOR=1
  $ HOPPER_NOW=2026-11-20T18:00 hopper init shop -q > /dev/null
  $ cd shop && bash "$TESTDIR/demo/load.sh" > /dev/null
  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=li

09:00 — what needs doing today: a customer the pool would take back on
Monday, deals going stale, then leads.

  $ hopper agenda -o table | head -9
  SECTION      REF   ITEM                                            DUE         NOTE
  release      C155  上海海纳数据股份有限公司                        2026-11-30  released in 3 days by 'no valid follow-up' unless followed up
  opportunity  O67   ERP 升级 — 西安海纳数据控股股份有限公司         2026-12-19  rotting: idle 18 days (> 7); contract 90%, weighted 1,800,000
  opportunity  O156  云服务 — 广州金桥建材股份有限公司               2026-11-28  rotting: idle 33 days (> 7); contract 90%, weighted 405,000
  opportunity  O51   数据中台 — 杭州锐达汽配国际股份有限公司         2027-02-27  rotting: idle 55 days (> 14); negotiation 60%, weighted 360,000
  opportunity  O194  监控平台 — 上海海纳数据股份有限公司             2026-12-09  rotting: idle 36 days (> 21); proposal 30%, weighted 135,000
  opportunity  O152  培训服务 — 深圳云栖软件信息股份有限公司         2027-01-05  rotting: idle 123 days (> 14); contact 10%, weighted 120,000
  opportunity  O42   监控平台 — Redwood Global GmbH                  2027-01-18  rotting: idle 20 days (> 14); negotiation 60%, weighted 90,000
  opportunity  O13   CRM 实施 — Evergreen Digital Trading Co., Ltd.  2026-12-07  order 90%, weighted 1,800,000
  $ hopper customer show C155 -o table | grep -E '^(name|layer|release)'
  name               上海海纳数据股份有限公司
  layer              意向
  release in (days)  3
  release rule       no valid follow-up

09:10 — a call saves C155; a filler note would not have:

  $ hopper log C155 '暂无意向' --type call -q
  logged, but not a valid follow-up: filler phrase only (继续跟进, 暂无意向, 保持互动); it does not reset the recycling clock
  A281
  $ hopper log C155 '电话沟通了续约方案，客户同意下周上门拜访' --type call -q
  A282
  $ hopper customer show C155 --json | jq '{release_in, release_rule}'
  {
    "release_in": 15,
    "release_rule": "no valid follow-up"
  }

10:30 — after the visit, the needs analysis is done and the deal moves on;
the gate said what was missing:

  $ hopper opp promote O194
  hopper: O194 cannot move from proposal to negotiation:
    leaving proposal: action 'needs_analysis' is not done (hopper opp check O194 needs_analysis)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp check O194 needs_analysis -q
  O194
  $ hopper opp promote O194 --json | jq -r '"\(.stage_name) \(.probability)% weighted \(.weighted)"'
  商务谈判 60% weighted 270000

14:00 — a new contact turns out to be a lead li already has (撞单):

  $ hopper lead add --name 李总 --company 西安金桥建材国际 --phone 136-8630-3748
  hopper: duplicate (撞单), nothing was written:
    phone 13686303748 is already L18 李洋 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead show L18 -o table | grep -E '^(name|company|phone)'
  name         李洋
  company      西安金桥建材国际股份有限公司
  phone        13686303748

15:00 — a lead becomes a customer with a deal; a renewal is signed:

  $ hopper lead convert L16 --opp 'CRM 实施' --amount 45万 --close +2m -q
  opened O228 CRM 实施
  C181
  $ hopper opp win O13 -q
  O13
  $ hopper todo add '发送实施计划' --due +2d --on C7 -q
  T1

17:30 — what li's week looks like now:

  $ hopper opp list --owner li --sort weighted -o table --limit 5
  REF   NAME      CUSTOMER                      STAGE        AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  O67   ERP 升级  西安海纳数据控股股份有限公司  contract        2,000,000   90%       1,800,000  2026-12-19  li     open
  O48   打印耗材  西安新程教育信息股份有限公司  order           1,200,000   90%       1,080,000  2027-02-08  li     open
  O156  云服务    广州金桥建材股份有限公司      contract          450,000   90%         405,000  2026-11-28  li     open
  O51   数据中台  杭州锐达汽配国际股份有限公司  negotiation       600,000   60%         360,000  2027-02-27  li     open
  O194  监控平台  上海海纳数据股份有限公司      negotiation       450,000   60%         270,000  2026-12-09  li     open
  … and 10 more; --all shows every row, --limit N the first N
  $ hopper rep scorecard --rep li --period this-month --json | jq '.rows[0] | {won, won_amount, followups, invalid_followups}'
  {
    "won": 11,
    "won_amount": 4850000,
    "followups": 36,
    "invalid_followups": 6
  }
