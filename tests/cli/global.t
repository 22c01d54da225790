Global options, exit codes, formats.

  $ . "$TESTDIR/setup.sh"
  $ hopper --version
  hopper 0.1.0 (schema 7)
  $ hopper help exit-codes | head -3
  # Exit codes
  
  The one table of hopper's exit codes; `hopper help exit-codes` prints this
  $ hopper frobnicate
  hopper: unknown command 'hopper frobnicate' (hopper has: init, config, rep, lead, customer, person, log, conflict, opp, pool, funnel, forecast, todo, reorder, agenda, history, doctor, backup, export, import, help, completion)
  [2]
  $ hopper lead
  hopper: 'hopper lead' needs a command: add, list, show, edit, drop, convert, import (see hopper lead --help)
  [2]
  $ hopper lead list --bogus
  hopper: unknown option '--bogus' for 'hopper lead list' (hopper lead list --help lists its options)
  [2]
  $ hopper lead list --format xml
  hopper: unknown format 'xml': use table, csv, tsv, json, jsonl, md or html
  [2]

The clock: ambiguous or invalid --now is refused with exit 6 and changes nothing.

  $ hopper --now 03/04/17 lead add --name X
  hopper: ambiguous time '03/04/17': day and month order cannot be told apart; use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]
  [6]
  $ HOPPER_NOW=yesterday hopper lead list
  hopper: invalid time 'yesterday': use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]
  [6]
  $ hopper lead list -q | wc -l
  0

A negative amount is refused (here in a money custom field):

  $ cat >> funnel.toml <<'TOML'
  > [[field]]
  > entity = "customer"
  > key = "revenue"
  > name = "年收入"
  > type = "money"
  > TOML
  $ hopper customer add 华星 --set revenue=-5
  hopper: customer add refused, nothing was written:
    --set revenue (年收入 money): invalid amount '-5': amounts cannot be negative; use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元
  [6]
  $ hopper customer add 华星 --set revenue=3万 --json | jq .fields
  {
    "revenue": 30000
  }
  $ hopper customer show C1 --format table | grep 年收入
  年收入             30,000 CNY

Output formats of one listing:

  $ hopper customer add "=cmd|' /C calc'!A0" --pool -q
  C2
  $ hopper customer list --format csv
  ref,name,grade,segment,layer_name,owner,release_in,locked\r (esc)
  C1,华星,,SMB,客户资源,admin,15,no\r (esc)
  C2,'=cmd|' /C calc'!A0,,SMB,客户资源,,,no\r (esc)
  $ hopper customer list --format md
  | REF | NAME | GRADE | SEGMENT | LAYER | OWNER | RELEASE IN | LOCKED |
  | --- | --- | --- | --- | --- | --- | ---: | --- |
  | C1 | 华星 | - | SMB | 客户资源 | admin | 15 | no |
  | C2 | =cmd\|' /C calc'!A0 | - | SMB | 客户资源 | - | - | no |
  $ hopper customer list --format jsonl | jq -c '{ref, name}'
  {"ref":"C1","name":"华星"}
  {"ref":"C2","name":"=cmd|' /C calc'!A0"}
  $ hopper customer list --format html | grep -c '&#39;'
  1
  $ hopper customer list --color always --format table | head -1 | od -c | head -1
  0000000 033   [   1   m   R   E   F 033   [   0   m         033   [   1

Help on a group or a command exits 0; bare `hopper help` lists the topics:

  $ hopper lead --help | head -3
  Leads (线索): add, list, show, edit, drop, convert, import
  Usage: hopper lead [OPTIONS] SUBCOMMAND
  
  $ hopper lead --help >/dev/null; echo $?
  0
  $ hopper opp win --help | grep -c Example
  1

An unknown command is a usage error whatever follows it, --help included:

  $ hopper NOPE --help
  hopper: unknown command 'hopper NOPE' (hopper has: init, config, rep, lead, customer, person, log, conflict, opp, pool, funnel, forecast, todo, reorder, agenda, history, doctor, backup, export, import, help, completion)
  [2]
  $ hopper opp promte --help
  hopper: unknown command 'hopper opp promte'; did you mean 'promote'? (hopper opp has: add, list, show, edit, check, promote, demote, move, prob, win, lose, reopen, import)
  [2]
  $ hopper -h lead lsit
  hopper: unknown command 'hopper lead lsit'; did you mean 'list'? (hopper lead has: add, list, show, edit, drop, convert, import)
  [2]
  $ hopper help
  hopper help TOPIC:
    dates        dates, relative dates and report periods
    money        amounts as you may type them, and how they show
    formats      table, tsv, csv, json, jsonl, md and html output
    config       funnel.toml: every key, its default and the rule it sets
    pool-rules   holding, claiming, forced release, stakes and conflicts
    scripting    hopper in scripts and cron: output, exit codes, the clock
    exit-codes   what each exit code means
    limits       the longest text, the largest amount, the range of dates
    commands     every command and option (the reference)
  Each command explains itself: hopper --help, hopper GROUP --help, hopper GROUP COMMAND --help
  $ hopper help exit-codes | head -2
  # Exit codes
  
  $ hopper help nonsense
  hopper: no help topic 'nonsense'
  hopper help TOPIC:
    dates        dates, relative dates and report periods
    money        amounts as you may type them, and how they show
    formats      table, tsv, csv, json, jsonl, md and html output
    config       funnel.toml: every key, its default and the rule it sets
    pool-rules   holding, claiming, forced release, stakes and conflicts
    scripting    hopper in scripts and cron: output, exit codes, the clock
    exit-codes   what each exit code means
    limits       the longest text, the largest amount, the range of dates
    commands     every command and option (the reference)
  Each command explains itself: hopper --help, hopper GROUP --help, hopper GROUP COMMAND --help
  [2]

Filters take a key or its display name; an unknown one is an error, never an empty list:

  $ hopper customer add 华星科技 --owner li -q
  C3
  $ hopper customer list --layer 客户资源 -q
  C1
  C2
  C3
  $ hopper customer list --layer resource -q
  C1
  C2
  C3
  $ hopper customer list --layer nowhere
  hopper: 'nowhere' is not a layer of this workspace (valid: resource, graded, contacted, lead, intent, signed, implemented, abandoned; see hopper config show)
  [6]
  $ hopper customer list --grade Z
  hopper: 'Z' is not a grade of this workspace (valid: A, B, C, D; see hopper config show)
  [6]
  $ hopper customer list --segment Mid
  hopper: 'Mid' is not a segment of this workspace (valid: SMB, KA; see hopper config show)
  [6]
  $ hopper pool list --grade Z
  hopper: 'Z' is not a grade of this workspace (valid: A, B, C, D; see hopper config show)
  [6]
  $ hopper lead list --grade Z
  hopper: 'Z' is not a grade of this workspace (valid: A, B, C, D; see hopper config show)
  [6]
  $ hopper opp add C3 --name ERP --amount 1万 --stage proposal --as li -q
  O1
  $ hopper opp list --stage 方案报价 -q
  O1
  $ hopper opp list --stage quote
  hopper: 'quote' is not a stage of this workspace (valid: contact, proposal, negotiation, contract, renewal, order; see hopper config show)
  [6]
  $ hopper opp list --pipeline Q
  hopper: 'Q' is not a pipeline of this workspace (valid: M, S; see hopper config show)
  [6]
  $ hopper funnel report --pipeline 'New business' --json | jq '.rows | length'
  4
  $ hopper funnel conversion --pipeline Q
  hopper: 'Q' is not a pipeline of this workspace (valid: M, S; see hopper config show)
  [6]

A mistyped command or option names the closest one, with hopper's prefix, exit 2:

  $ hopper opp promte O1
  hopper: unknown command 'hopper opp promte'; did you mean 'promote'? (hopper opp has: add, list, show, edit, check, promote, demote, move, prob, win, lose, reopen, import)
  [2]
  $ hopper lead add --nmae 张伟
  hopper: unknown option '--nmae' for 'hopper lead add'; did you mean '--name'? (hopper lead add --help lists its options)
  [2]
  $ hopper --formt json lead list
  hopper: unknown option '--formt' for 'hopper'; did you mean '--format'? (hopper --help lists its options)
  [2]
  $ hopper lead list -Z
  hopper: unknown option '-Z' for 'hopper lead list' (hopper lead list --help lists its options)
  [2]
  $ hopper frobnicate
  hopper: unknown command 'hopper frobnicate' (hopper has: init, config, rep, lead, customer, person, log, conflict, opp, pool, funnel, forecast, todo, reorder, agenda, history, doctor, backup, export, import, help, completion)
  [2]
  $ hopper opp add C1 --name x --amount
  hopper: --amount: 1 required TEXT missing; see hopper opp add --help
  [2]

A topic's near miss is named too:

  $ hopper help date 2>&1 | head -1
  hopper: no help topic 'date'; did you mean 'dates'?

Near misses of the workspace's own words, and of funnel.toml's keys, too:

  $ hopper customer list --layer intnet
  hopper: 'intnet' is not a layer of this workspace (valid: resource, graded, contacted, lead, intent, signed, implemented, abandoned; see hopper config show); did you mean 'intent'?
  [6]
  $ hopper opp list --stage negotiatoin
  hopper: 'negotiatoin' is not a stage of this workspace (valid: contact, proposal, negotiation, contract, renewal, order; see hopper config show); did you mean 'negotiation'?
  [6]
  $ hopper lead add --name x --grade a
  hopper: lead add refused, nothing was written:
    --grade 'a' is not a grade of this workspace (grades.order: A, B, C, D); did you mean 'A'?
  [6]
  $ sed -i 's/^capacity = /capacty = /' funnel.toml && hopper config check 2>&1 | grep capacty
  funnel.toml:133:1: unknown key 'capacty' in [pool] (known keys: after_release, capacity, capacity_excludes, cooldown_days, daily_claim_limit, exempt_probability, rule, stake, warn_days); did you mean 'capacity'?
