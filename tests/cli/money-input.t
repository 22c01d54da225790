Amounts as people type them (hopper help money): currency marks of the
workspace's currency, 万 and w, fullwidth digits and commas, spaces between
number and unit. The same parser serves every way an amount comes in.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 -q
  C1
  $ for a in '¥35,000' '￥35,000' '35000元' '35,000 元' '3.5w' '3.5W' '3.5 万' '3.5万元' '３５，０００' 'RMB 35000' '人民币35000元'; do
  >   hopper opp add C1 --name "$a" --amount "$a" --json | jq -r '"\(.name)\t\(.amount)"'
  > done
  ¥35,000\t35000 (esc)
  ￥35,000\t35000 (esc)
  35000元\t35000 (esc)
  35,000 元\t35000 (esc)
  3.5w\t35000 (esc)
  3.5W\t35000 (esc)
  3.5 万\t35000 (esc)
  3.5万元\t35000 (esc)
  ３５，０００\t35000 (esc)
  RMB 35000\t35000 (esc)
  人民币35000元\t35000 (esc)

Every path into an amount: edit, win, convert, a custom money field, an import.

  $ hopper opp edit O1 --amount '４２万' --json | jq .amount
  420000
  $ hopper opp add C1 --name 续约 --pipeline S --amount 1 -q
  O12
  $ hopper opp win O12 --amount '¥36,500' --json | jq .amount
  36500
  $ hopper opp edit O1 --set expense_budget='１.２w' --json | jq .fields.expense_budget
  12000
  $ hopper lead add --name 赵敏 -q
  L1
  $ hopper lead convert L1 --opp 'Pilot' --amount '8.8w' -q
  opened O13 Pilot
  C2
  $ hopper opp list --json | jq -r '.[] | select(.name == "Pilot") | .amount'
  88000
  $ printf 'customer,name,amount\nC1,导入,"¥1,200"\nC1,导入二,１.５万\n' > opps.csv
  $ hopper opp import opps.csv -q
  $ hopper opp list --json | jq -r '.[] | select(.name | startswith("导入")) | .amount'
  1200
  15000

Another currency's mark is refused, not read as yuan, on every path:

  $ hopper opp add C1 --name x --amount '$35,000'
  hopper: opp add refused, nothing was written:
    --amount: invalid amount '$35,000': '$' is not this workspace's currency, CNY ([workspace] currency in funnel.toml); give the amount in CNY; use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元
  [6]
  $ hopper opp win O3 --amount '€100'
  hopper: invalid amount '€100': '€' is not this workspace's currency, CNY ([workspace] currency in funnel.toml); give the amount in CNY; use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元
  [6]

A workspace that counts in dollars takes $ and refuses 元:

  $ sed -i 's/^currency = .*/currency = "USD"/' funnel.toml
  $ hopper opp add C1 --name usd --amount 'US$1.5m' --json | jq .amount
  1500000
  $ hopper opp add C1 --name usd --amount '35000元' 2>&1 | grep -o "'元' is not this workspace's currency, USD"
  '元' is not this workspace's currency, USD

People read the currency beside amounts; JSON keeps plain numbers:

  $ hopper opp show O1 -o table | grep -E '^(amount|weighted)'
  amount              420,000 USD
  weighted            42,000 USD
  $ hopper opp list -o md | head -1
  | REF | NAME | CUSTOMER | STAGE | AMOUNT (USD) | PROB | WEIGHTED (USD) | CLOSE | OWNER | STATUS |

A Markdown report, to paste into chat: the workspace and the period in its
heading, the currency in its headers, its notes below:

  $ hopper opp edit O1 --close 2026-12-20 -q
  O1
  $ hopper forecast --period 2026-12 -o md
  ## Forecast — ws
  
  method stage · 2026-12 (2026-12-01 – 2026-12-31) · as of 2026-11-27T09:00:00
  
  | REF | NAME | CUSTOMER | CLOSE | AMOUNT (USD) | PROB | WEIGHTED (USD) | OWNER |
  | --- | --- | --- | --- | ---: | ---: | ---: | --- |
  | O1 | ¥35,000 | 华星科技 | 2026-12-20 | 420,000 | 10% | 42,000 | admin |
  | total | - | - | - | 420,000 | - | 42,000 | - |
  
  closed (won) in 2026-12: 0 deals, 0
