hopper export | import: the whole workspace as JSONL and back; export →
import → export is byte-identical.

  $ . "$TESTDIR/setup.sh"
  $ hopper lead add --name 张伟 --company 华星科技有限公司 --phone 13800138000 --grade A --owner li -q
  L1
  $ hopper lead convert L1 --opp "Fleet renewal" --amount 30万 --as li -q
  opened O1 Fleet renewal
  C1
  $ hopper log C1 "拜访客户，确认了明年的采购计划" --type visit --as li -q
  A1
  $ hopper opp check O1 needs_analysis --as li -q
  O1
  $ hopper opp edit O1 --close 2026-12-20 --set gross_margin=12.5% --as li -q
  O1
  $ hopper opp promote O1 --as li -q
  O1
  $ hopper customer add "Pool Co" --pool -q
  C2
  $ hopper export > one.jsonl
  $ head -1 one.jsonl | cut -c1-60
  {"format":"hopper-export","schema":7,"funnel_toml":"# funnel
  $ head -1 one.jsonl | jq -j .funnel_toml | cmp - funnel.toml && echo 'the rules it was made under'
  the rules it was made under
  $ grep -c '"table":"history"' one.jsonl
  9

Into a new workspace with its rules: the same records, history, event log
and funnel.toml; the second export is the same bytes, and the restored
workspace works on.

  $ hopper init ../restored -q --as admin >/dev/null
  $ hopper -C ../restored import one.jsonl --with-rules
  restored 46 rows from one.jsonl
  funnel.toml now holds the rules the export was made under; the old one is ../restored/funnel.toml.before-import
  $ cmp funnel.toml ../restored/funnel.toml && grep -c "name = 'restored'" ../restored/funnel.toml.before-import
  1
  $ hopper -C ../restored export > two.jsonl
  $ cmp one.jsonl two.jsonl && echo identical
  identical
  $ hopper -C ../restored opp show O1 --json --as li | jq -c '{stage, amount, fields}'
  {"stage":"proposal","amount":300000,"fields":{"gross_margin":12.5}}
  $ hopper -C ../restored doctor -q >/dev/null && echo clean
  clean
  $ hopper -C ../restored opp promote O1 --as li -q
  O1
  $ hopper -C ../restored log C1 "电话沟通合同条款和交付时间" --type call --as li -q
  A2
  $ hopper -C ../restored history --json | jq -r '.[0].command'
  hopper -C ../restored log C1 电话沟通合同条款和交付时间 --type call --as li -q

Only into a workspace without records, only by an admin, only an export.

  $ hopper -C ../restored import one.jsonl
  hopper: this workspace already holds 8 records; import restores an export only into a new one (hopper init DIR, then hopper -C DIR import one.jsonl)
  [4]
  $ hopper init ../third -q --as admin >/dev/null
  $ hopper -C ../third rep add wang --role manager -q
  R2
  $ hopper -C ../third import one.jsonl --as wang
  hopper: importing a workspace is for admins; wang is a manager
  [9]
  $ printf 'name\nX\n' > leads.csv
  $ hopper -C ../third import leads.csv
  hopper: leads.csv:1: not a hopper export (it starts with {"format":"hopper-export",…}); to bring in a spreadsheet use lead, customer or opp import
  [6]
  $ sed 's/"schema":7/"schema":9/' one.jsonl | hopper -C ../third import -
  hopper: stdin:1: an export of schema 9; this hopper imports schema 6 to 7 (export it again with this version)
  [6]
  $ (head -3 one.jsonl; echo '{"table":"lead","row":{"id":1,"nickname":"x"}}') | hopper -C ../third import -
  hopper: stdin:4: column lead.nickname is not in this schema (version 7)
  [6]
  $ hopper -C ../third lead list --json | jq length
  0

A tampered export is refused whole, exit 6 naming the line and the table,
and nothing is restored: a header whose schema is no number, a key that
points to no row (an owner who is no rep, a removed event that history
files under), a number past 64 bits, a line past an import's limit, a row
that breaks what doctor checks. Each is checked before the commit.

  $ try() { hopper -C ../third import - ; echo "exit $?"; hopper -C ../third customer list --json | jq length; }
  $ sed '1s/.*/{"format":"hopper-export","schema":"6"}/' one.jsonl | try
  hopper: stdin:1: the header's schema is "6", not a version number (a hopper export starts with {"format":"hopper-export","schema":7}); export it again with hopper export
  exit 6
  0
  $ sed '1s/.*/{"format":"hopper-export","schema":{}}/' one.jsonl | try
  hopper: stdin:1: the header's schema is {}, not a version number (a hopper export starts with {"format":"hopper-export","schema":7}); export it again with hopper export
  exit 6
  0
  $ (echo '{}'; tail -n +2 one.jsonl) | try
  hopper: stdin:1: not a hopper export (it starts with {"format":"hopper-export",…}); to bring in a spreadsheet use lead, customer or opp import
  exit 6
  0
  $ sed '/"table":"customer","row":{"id":1,/s/"owner_id":3,/"owner_id":99,/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stdin:3: customer 1: owner_id 99 is no rep row
  exit 6
  0
  $ sed '/"table":"event","row":{"id":10,/d' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stdin:28: event_change 14: event_id 10 is no event row
    stdin:36: history 7: event_id 10 is no event row
  exit 6
  0
  $ sed '/"table":"customer","row":{"id":2,/s/"id":2,/"id":18446744073709551615,/' one.jsonl | try
  hopper: stdin:4: customer.id: 18446744073709551615 is past the largest number a column holds (2^63 − 1)
  exit 6
  0
  $ sed '/"table":"opportunity","row":{"id":1,/s/"stage":"proposal"/"stage":"negotiation"/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stages match their history: O1 is in negotiation but its history last moved it to proposal
  exit 6
  0
  $ sed '/"table":"opportunity","row":{"id":1,/s/"owner_id":3,/"owner_id":4,/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    open deals follow their customer: O1 is open with zhao but customer C1 belongs to li
  exit 6
  0
  $ sed '/"table":"customer","row":{"id":1,/s/"created_at":"[^"]*"/"created_at":"2V26-07-08"/' one.jsonl | try
  hopper: stdin: the export does not hold together (was it edited?); nothing was imported:
    stored dates, kinds and custom fields read back: customer 1: created_at '2V26-07-08' is not a date
  exit 6
  0
  $ (head -1 one.jsonl; printf '{"table":"lead","row":{"name":"%s"}}\n' "$(head -c 5000000 /dev/zero | tr '\0' x)") | try
  hopper: stdin:2: a line longer than 4 MB; is this a CSV or JSONL file?
  exit 6
  0
  $ mkdir folder && hopper -C ../third import folder
  hopper: folder: cannot be read (Is a directory); name a file of rows
  [6]
  $ hopper -C ../third doctor -q >/dev/null && echo clean
  clean

  $ hopper export --as li
  hopper: exporting the workspace is for managers and admins; li is a rep
  [9]

An export of schema 6 (made before the security settings were kept in the
database) restores as it is; the settings an admin recorded travel with a
newer one:

  $ sed 's/"schema":7/"schema":6/' one.jsonl > six.jsonl
  $ hopper init ../fourth -q --as admin >/dev/null && hopper -C ../fourth import six.jsonl
  restored 46 rows from six.jsonl
  funnel.toml is not the one the export was made under (it defines every key the records use); --with-rules restores that one
  $ hopper rep add "$(id -un)" --role admin -q
  R5
  $ hopper config strict on
  $ hopper export | grep '"table":"security"'
  {"table":"security","row":{"id":1,"strict":1}}
  $ hopper export > strict.jsonl && hopper init ../fifth -q --as admin >/dev/null && hopper -C ../fifth import strict.jsonl -q
  restored 53 rows from strict.jsonl
  funnel.toml is not the one the export was made under (it defines every key the records use); --with-rules restores that one
  $ hopper -C ../fifth config show --json | jq -c .security
  {"strict":true,"strict_recorded":true}

A restore is whole: into a workspace whose funnel.toml lacks keys the
records use (here the key-accounts template, which has no pipeline M), every
report would show zeros. The import refuses, naming each key,
and changes nothing; --with-rules restores the rules the export carries
(keeping the workspace's own [store]), and the reports match the source.

  $ hopper opp win O1 --force --reason '客户签约' -q
  O1
  $ hopper export > won.jsonl
  $ hopper init ../ka --template key-accounts -q --as admin >/dev/null
  $ cp ../ka/funnel.toml ka.toml
  $ hopper -C ../ka import won.jsonl
  hopper: won.jsonl: its records use 1 key that this workspace's funnel.toml does not define; nothing was imported:
    pipeline 'M' (1 opportunity)
  restore the rules it was made under with hopper import FILE --with-rules, or define the keys in funnel.toml first
  [7]
  $ hopper -C ../ka lead list --json | jq length
  0
  $ hopper -C ../ka import won.jsonl --with-rules --dry-run
  restored 58 rows from won.jsonl
  funnel.toml would hold the rules the export was made under
  dry run: nothing was changed
  $ cmp ka.toml ../ka/funnel.toml && echo unchanged
  unchanged
  $ hopper -C ../ka import won.jsonl --with-rules 2>&1 | tail -1
  funnel.toml now holds the rules the export was made under; the old one is ../ka/funnel.toml.before-import
  $ cmp ka.toml ../ka/funnel.toml.before-import && echo kept
  kept
  $ for report in "funnel report" "rep scorecard --period 2026" "forecast --period 2026" "funnel conversion --period 2026 --cohort entered"; do
  >   diff <(hopper $report -o tsv) <(hopper -C ../ka $report -o tsv) > /dev/null && echo "same: $report"
  > done
  same: funnel report
  same: rep scorecard --period 2026
  same: forecast --period 2026
  same: funnel conversion --period 2026 --cohort entered
  $ hopper -C ../ka rep scorecard --period 2026 --json | jq -c '.rows[] | select(.won > 0) | {rep, won, won_amount}'
  {"rep":"li","won":1,"won_amount":300000}

Where the records live is not a rule: an export made on a server carries
its [store] table, and a workspace taking its rules keeps its own (here
none: the SQLite file). An export made before exports carried rules cannot
restore them:

  $ head -1 won.jsonl | jq -c '.funnel_toml += "\n[store]\nurl = \"postgresql:///elsewhere\"\n"' > server.jsonl
  $ tail -n +2 won.jsonl >> server.jsonl
  $ hopper init ../moved -q --as admin >/dev/null
  $ hopper -C ../moved import server.jsonl --with-rules 2>/dev/null
  $ grep -c store ../moved/funnel.toml
  0
  [1]
  $ hopper -C ../moved opp list --status won -q
  O1
  $ (echo '{"format":"hopper-export","schema":6}'; tail -n +2 won.jsonl) > old.jsonl
  $ hopper init ../old -q --as admin >/dev/null
  $ hopper -C ../old import old.jsonl --with-rules
  hopper: old.jsonl:1: this export carries no rules (it was made before exports kept funnel.toml); import it without --with-rules, under a funnel.toml that defines every key its records use
  [6]
  $ hopper -C ../old import old.jsonl
  restored 58 rows from old.jsonl

An export whose newest event changed nothing (a refused command, a no-op)
restores whole all the same: the restored log simply ends in that event.

  $ hopper customer lock C1 --as li
  hopper: locking a customer (exempting it from recycling) is for managers and admins; li is a rep
  [9]
  $ hopper export > denied.jsonl
  $ grep '"table":"event"' denied.jsonl | tail -1 | jq -r .row.outcome
  denied
  $ hopper init ../denied -q --as admin >/dev/null
  $ hopper -C ../denied import denied.jsonl --with-rules -q
  restored 59 rows from denied.jsonl
  funnel.toml now holds the rules the export was made under; the old one is ../denied/funnel.toml.before-import
  $ hopper -C ../denied export | cmp - denied.jsonl && echo identical
  identical
  $ hopper -C ../denied customer list --json | jq -c 'map(.ref)'
  ["C1","C2"]
