The key-account process: six stages, the initiation report as required fields.

  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=boss NO_COLOR=1
  $ hopper init ka --template key-accounts --as boss -q >/dev/null
  $ cd ka
  $ hopper config show --json | jq -r '.pipeline[0].stages[] | "\(.key) \(.name) \(.probability)"'
  development 客户开发 5
  initiation 立项 15
  proposal 提案 30
  bidding 招投标 50
  negotiation 商务谈判 80
  implementation 工程实施 100
  $ hopper customer add 国家电网某省公司 --grade A -q
  C1
  $ hopper opp add C1 --name 变电站监控系统 --amount 800万 -q
  O1
  $ hopper opp promote O1 -q
  O1

Leaving 立项 needs pre-sales approval and the whole initiation report:

  $ hopper opp promote O1
  hopper: O1 cannot move from initiation to proposal:
    leaving initiation: action 'presales_approval' is not done (hopper opp check O1 presales_approval)
    leaving initiation: field 'project_number' (项目编号) is empty (hopper opp edit O1 --set project_number=…)
    leaving initiation: field 'gross_margin' (预计毛利) is empty (hopper opp edit O1 --set gross_margin=…)
    leaving initiation: field 'expense_budget' (销售费用预算) is empty (hopper opp edit O1 --set expense_budget=…)
    leaving initiation: field 'category' (项目类别) is empty (hopper opp edit O1 --set category=…)
    leaving initiation: field 'close_date' is empty (hopper opp edit O1 --close DATE)
  a manager or admin may pass with --force --reason TEXT
  [4]
  $ hopper opp edit O1 --set gross_margin=35 --set expense_budget=12万 --set category=hardware --set project_number=KA-2026-014 --close 2027-06-30 -q
  O1
  $ hopper opp edit O1 --set category=furniture
  hopper: opp edit O1 refused, nothing was written:
    --set category (项目类别 choice): 'furniture' is not one of hardware, software, service
  [6]
  $ hopper opp check O1 presales_approval -q
  O1
  $ hopper opp promote O1 --json | jq -c '{stage, stage_name, probability, fields}'
  {"stage":"proposal","stage_name":"提案","probability":30,"fields":{"category":"hardware","expense_budget":120000,"gross_margin":35,"project_number":"KA-2026-014"}}
  $ hopper opp show O1 --format table | grep -E '预计毛利|销售费用预算|项目类别'
  预计毛利            35%
  销售费用预算        120,000 CNY
  项目类别            hardware
