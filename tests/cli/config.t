hopper config check and show.

  $ . "$TESTDIR/setup.sh"
  $ hopper config check
  funnel.toml: ok
  $ hopper config show | head -4
  workspace  ws (CNY), fiscal year from month 1, weeks start monday
  grades     A B C D
  segments   SMB KA (default SMB)
  layers     客户资源 (resource) → 已分级 (graded) → 已接触 (contacted) → 有线索 (lead) → 意向 (intent) → 签约 (signed) → 已实施 (implemented) → 放弃 (abandoned, cooled 90 days)
  $ hopper config show --json | jq -c '.pool | {capacity, daily_claim_limit, stake: .stake.limit}'
  {"capacity":50,"daily_claim_limit":20,"stake":250}
  $ hopper config show --json | jq -r '.pipeline[0].stages[].key'
  contact
  proposal
  negotiation
  contract

A typo on line 12 and a wrong type on line 40: both reported, exit 7.

  $ cp funnel.toml good.toml
  $ sed -i '12s/.*/order_by = ["A"]/' funnel.toml
  $ sed -i '40s/.*/ideal_rate = "high"/' funnel.toml
  $ sed -n '12p;40p' funnel.toml
  order_by = ["A"]
  ideal_rate = "high"
  $ hopper config check
  hopper: funnel.toml has 2 problem(s):
  funnel.toml:12:1: unknown key 'order_by' in [workspace] (known keys: currency, default_user, fiscal_year_start_month, name, week_start)
  funnel.toml:40:14: layer.ideal_rate must be a number
  [7]

Every other command refuses to run on an invalid file:

  $ hopper lead list
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  funnel.toml:12:1: unknown key 'order_by' in [workspace] (known keys: currency, default_user, fiscal_year_start_month, name, week_start)
  funnel.toml:40:14: layer.ideal_rate must be a number
  [7]

Duplicate keys and probabilities out of range:

  $ cp good.toml funnel.toml
  $ printf '[pool]\ncapacity = 1\ncapacity = 2\n' > funnel.toml
  $ hopper config check
  hopper: funnel.toml has 1 problem(s):
  funnel.toml:3:12: Error while parsing key-value pair: cannot redefine existing integer 'capacity'
  [7]
  $ cp good.toml funnel.toml
  $ sed -i 's/^probability = 30$/probability = 130/' funnel.toml
  $ hopper config check
  hopper: funnel.toml has 1 problem(s):
  funnel.toml:96:15: pipeline.stage.probability must be between 0 and 100, not 130
  [7]

NaN in any of its spellings is no number, on every float key, in config
check and in every command (a NaN probability once reached the reports):

  $ cp good.toml funnel.toml
  $ sed -i -e 's/^probability = 30$/probability = nan/' -e 's/^ideal_rate = 90$/ideal_rate = -nan/' \
  >   -e 's/^exempt_probability = 60 /exempt_probability = +nan/' funnel.toml
  $ hopper config check
  hopper: funnel.toml has 3 problem(s):
  funnel.toml:45:14: layer.ideal_rate must be between 0 and 100, not nan
  funnel.toml:96:15: pipeline.stage.probability must be between 0 and 100, not nan
  funnel.toml:139:22: pool.exempt_probability must be between 0 and 100, not nan
  [7]
  $ for command in "customer list" agenda "pool recycle --dry-run" "funnel velocity --layers"; do
  >   hopper $command >/dev/null 2>../err; echo "exit $?"; head -1 ../err
  > done
  exit 7
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  exit 7
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  exit 7
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  exit 7
  hopper: funnel.toml is invalid; fix it (hopper config check) before running commands:
  $ cp good.toml funnel.toml && hopper config check -q
