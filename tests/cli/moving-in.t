Moving in from another CRM (docs/moving-in.md): exports as Salesforce,
HubSpot, Pipedrive and a Chinese CRM write them load with the flags that
page shows, no script in between. The expected figures come from the files
themselves: tests/fixtures/crm/figures.py reads each with Python's csv
module and the CRM's own words for won and lost, independently of hopper,
and hopper's totals and each owner's wins must be the same.

  $ . "$TESTDIR/setup.sh"
  $ crm=$TESTDIR/../fixtures/crm
  $ cp "$crm"/*.csv .
  $ recipe() {
  >   awk -v mark="<!-- crm: $1 -->" '$0 == mark {found = 1; next} found && /^```sh/ {code = 1; next} code && /^```/ {exit} code' \
  >     "$TESTDIR/../../docs/moving-in.md"
  > }
  $ last_deal() { hopper opp list --status all --json | jq 'map(.id) | max // 0'; }
  $ figures() {
  >   hopper opp list --status all --json | jq -r --argjson after "$1" 'map(select(.id > $after)) |
  >     (group_by(.status)[] | "\(.[0].status) \(length) \(map(.amount) | add)"),
  >     (map(select(.status == "won")) | group_by(.owner)[] | "won by \(.[0].owner) \(length) \(map(.amount) | add)")'
  > }

Before the reps and accounts are in, the import says what the file needs,
once for the whole file after the rows: the form of its dates, the
customers to add first (with the line to type), the stage words to map, the
reps to add.

  $ hopper opp import salesforce-opportunities.csv --map 'Opportunity Name=name' --map 'Account Name=customer' \
  >   --map 'Close Date=close' --map 'Created Date=created' --map 'Opportunity Owner=owner' --map 'Probability (%)=' 2>&1 |
  >   sed -n '/^  … and/,$p'
    … and 112 more
  Close Date: 33 dates are not in hopper's form YYYY-MM-DD; the whole column reads as --date-format '%m/%d/%Y'
  Created Date: 33 dates are not in hopper's form YYYY-MM-DD; the whole column reads as --date-format '%m/%d/%Y'
  Account Name (customer): 'Acme Corporation' (4 rows), 'Initech, Inc.' (3 rows), 'Vandelay Industries' (3 rows), 'Wayne Foods' (4 rows), 'Pied Piper' (2 rows), 'Stark Logistics' (4 rows), 'Umbrella Health' (2 rows), 'Hooli' (2 rows), 'Wonka Confectionery' (3 rows), 'Cyberdyne Systems' (2 rows), 'Soylent Co.' (2 rows), 'Globex' (2 rows); no customer has that name: add them first (hopper customer import salesforce-opportunities.csv --map 'Account Name=name' --map 'Opportunity Owner=owner' --unknown-columns skip --on-duplicate skip)
  Stage (stage): 'Closed Lost' (11 rows), 'Prospecting' (1 row), 'Closed Won' (15 rows), 'Needs Analysis' (1 row), 'Qualification' (2 rows), 'Proposal/Price Quote' (1 row), 'Negotiation/Review' (2 rows); map each to a stage (key or name), or to won or lost where the file writes the result in the stage: --map-value 'stage:VALUE=KEY'
  fix them, or import the good rows with --skip-invalid --rejects FILE
  $ hopper customer import salesforce-opportunities.csv --map 'Account Name=name' --map 'Opportunity Owner=owner' \
  >   --unknown-columns skip --on-duplicate skip 2>&1 | tail -2
  Opportunity Owner (owner): 'Sarah Chen' (13 rows), 'Priya Patel' (4 rows), 'Marcus Lee' (7 rows), 'Tom Wu' (9 rows); not reps of this workspace: add them in one step (hopper rep import salesforce-opportunities.csv --map 'Opportunity Owner=name' --unknown-columns skip --on-duplicate skip), or map each to a rep (--map-value 'owner:NAME=REP')
  fix them, or import the good rows with --skip-invalid --rejects FILE

Salesforce: the recipe of docs/moving-in.md as it is written there.

  $ recipe salesforce > salesforce.sh && wc -l < salesforce.sh
  10
  $ before=$(last_deal); bash -e salesforce.sh > /dev/null; echo "exit $?"
  exit 0
  $ python3 "$crm/figures.py" salesforce salesforce-opportunities.csv
  lost 11 1491000
  open 7 825000
  won 15 1627500
  won by Marcus Lee 4 363000
  won by Priya Patel 1 26000
  won by Sarah Chen 6 813500
  won by Tom Wu 4 425000
  $ figures $before | diff - <(python3 "$crm/figures.py" salesforce salesforce-opportunities.csv) && echo 'the same figures'
  the same figures

HubSpot: dates in hopper's own form, stages by internal id, deals of a
person without a company under one customer:

  $ recipe hubspot > hubspot.sh && wc -l < hubspot.sh
  13
  $ before=$(last_deal); bash -e hubspot.sh > /dev/null; echo "exit $?"
  exit 0
  $ python3 "$crm/figures.py" hubspot hubspot-deals.csv
  lost 12 1777500
  open 7 808500
  won 18 2323500
  won by Esther Howard 9 1181000
  won by Jane Cooper 4 506500
  won by Wade Warren 5 636000
  $ figures $before | diff - <(python3 "$crm/figures.py" hubspot hubspot-deals.csv) && echo 'the same figures'
  the same figures
  $ hopper customer list --json | jq -r '.[] | select(.name == "Individual buyers") | .owner'
  Esther Howard
  $ hopper opp list --status all --json | jq -r '[.[] | select(.pipeline == "S")] | length'
  12

Pipedrive: the result in Status, the day it closed in Won time or Lost time
(two columns, one field), lost reasons in the team's words:

  $ recipe pipedrive > pipedrive.sh && wc -l < pipedrive.sh
  10
  $ before=$(last_deal); bash -e pipedrive.sh > /dev/null; echo "exit $?"
  exit 0
  $ python3 "$crm/figures.py" pipedrive pipedrive-deals.csv
  lost 11 1394000
  open 7 451500
  won 24 3529500
  won by Anna Novak 3 632000
  won by Eva Lind 6 558500
  won by Jonas Berg 5 699500
  won by Marta Kowalska 5 930500
  won by Piotr Zielinski 5 709000
  $ figures $before | diff - <(python3 "$crm/figures.py" pipedrive pipedrive-deals.csv) && echo 'the same figures'
  the same figures
  $ hopper opp list --status lost --json | jq -r --argjson after $before '[.[] | select(.id > $after) | .lost_reason] | group_by(.) | map("\(.[0]) \(length)") | join(", ")'
  competitor 2, no budget 2, no decision 2, price 5

A Chinese CRM's GBK export:

  $ recipe chinese > chinese.sh && wc -l < chinese.sh
  8
  $ before=$(last_deal); bash -e chinese.sh > /dev/null; echo "exit $?"
  exit 0
  $ python3 "$crm/figures.py" chinese chinese-crm-gbk.csv
  lost 11 1432500
  open 8 1234000
  won 14 1733000
  won by 刘洋 6 620000
  won by 张伟 3 466500
  won by 李娜 2 162500
  won by 王强 3 484000
  $ figures $before | diff - <(python3 "$crm/figures.py" chinese chinese-crm-gbk.csv) && echo 'the same figures'
  the same figures

Closed deals keep who closed them: the scorecard credits each rep with the
wins the files give them, also where the account is another rep's now.

  $ for f in salesforce:salesforce-opportunities.csv hubspot:hubspot-deals.csv pipedrive:pipedrive-deals.csv chinese:chinese-crm-gbk.csv; do
  >   python3 "$crm/figures.py" ${f%%:*} ${f#*:}; done | grep '^won by' | sort > wins.txt
  $ hopper rep scorecard --from 2025-01-01 --to 2026-12-31 --json |
  >   jq -r '.rows[] | select(.won > 0) | "won by \(.rep) \(.won) \(.won_amount)"' | sort | diff - wins.txt && echo 'the same wins'
  the same wins
  $ hopper opp list --status all --json > deals.json
  $ hopper customer list --all --json | jq -r --slurpfile deals deals.json '
  >   [.[] | .name as $n | .owner as $o | $deals[0][] | select(.customer_name == $n and .status != "open" and .owner != $o)] | length'
  31
  $ hopper history --json | jq -r '[.[] | select(.change | startswith("owner_id")) | select(.reason // "" | contains("closed by"))] | length, (.[-1] | "\(.ref) \(.change): \(.reason)")'
  31
  O4 owner_id: 7 → 8: added; imported from salesforce-opportunities.csv:5; other; closed by Tom Wu — imported from salesforce-opportunities.csv:5
  $ hopper doctor -q > /dev/null && echo clean
  clean

Each flag's rules, one at a time, on a customer of li's.

  $ hopper customer add 测试客户 --owner li -q
  C48
  $ hopper rep leave zhao --to li -y -q > /dev/null 2>&1

An open deal goes with its customer: its owner may only be the customer's,
or empty. A closed one names the rep who closed it, one who left too; a name
that is no rep is listed with the way to add it:

  $ cat > owners.csv <<'CSV'
  > customer,name,amount,status,closed,lost_reason,owner
  > 测试客户,open for wang,100,open,,,wang
  > 测试客户,open for li,100,open,,,li
  > 测试客户,open for nobody,100,,,,
  > 测试客户,won by zhao,100,won,2026-11-01,,zhao
  > 测试客户,lost by ghost,100,lost,2026-11-02,price,Ghost
  > CSV
  $ hopper opp import owners.csv
  hopper: owners.csv: 2 of 5 rows are invalid; nothing was imported:
    owners.csv:2: owner: C48 is li's customer, and an open deal goes with its customer: leave owner empty, or give C48 to wang first (hopper customer edit C48 --owner wang)
    owners.csv:6: owner: 'Ghost' is not a rep of this workspace (the rep who closed the deal)
  owner: 'Ghost' (1 row); not reps of this workspace: add them in one step (hopper rep import owners.csv --map 'owner=name' --unknown-columns skip --on-duplicate skip), or map each to a rep (--map-value 'owner:NAME=REP')
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ grep -v -e wang -e Ghost owners.csv | hopper opp import - -q
  $ hopper opp list --status all --json | jq -c '.[] | select(.customer == "C48") | {name, owner, status}'
  {"name":"open for li","owner":"li","status":"open"}
  {"name":"open for nobody","owner":"li","status":"open"}
  {"name":"won by zhao","owner":"zhao","status":"won"}

The stage may carry the result: won or lost as written, or mapped; a status
column that says otherwise is a refused row. A deal without a created date
is added no later than it closed, which is its close date when no closed
date is given:

  $ printf 'customer,name,amount,stage,status,close\n测试客户,s1,100,Won,,2026-10-01\n测试客户,s2,100,lost,open,2026-10-02\n' |
  >   hopper opp import - --default lost_reason=other
  hopper: stdin: 1 of 2 rows is invalid; nothing was imported:
    stdin:3: status: is open, but the stage says lost
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'customer,name,amount,stage,close\n测试客户,s1,100,Won,2026-10-01\n测试客户,s3,100,丢单,2026-10-02\n' |
  >   hopper opp import - --default lost_reason=other --map-value stage:丢单=lost -q
  $ hopper opp list --status all --json | jq -c '.[] | select(.name == "s1" or .name == "s3") | {name, status, stage, created_at, closed_at, lost_reason}'
  {"name":"s1","status":"won","stage":"contact","created_at":"2026-10-01T00:00:00","closed_at":"2026-10-01T00:00:00","lost_reason":null}
  {"name":"s3","status":"lost","stage":"contact","created_at":"2026-10-02T00:00:00","closed_at":"2026-10-02T00:00:00","lost_reason":"other"}

Two columns --map sends to one field fill it in turn; a row with a value in
both is refused. Columns that only share a field by name are a mistake:

  $ printf 'customer,name,amount,status,Won time,Lost time,lost_reason\n测试客户,t1,100,won,2026-10-01,,\n测试客户,t2,100,lost,,2026-10-03,price\n测试客户,t3,100,won,2026-10-01,2026-10-02,\n' > times.csv
  $ hopper opp import times.csv --map 'Won time=closed' --map 'Lost time=closed'
  hopper: times.csv: 1 of 3 rows is invalid; nothing was imported:
    times.csv:4: closed: 'Won time' and 'Lost time' both have a value ('2026-10-01', '2026-10-02'); it takes one
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'customer,name,amount,closed,Closed\n' | hopper opp import -
  hopper: stdin:1: columns 'closed' and 'Closed' both fill closed; leave one out (--map 'Closed=')
  [6]
  $ head -3 times.csv | hopper opp import - --map 'Won time=closed' --map 'Lost time=closed' -q
  $ hopper opp list --status all --json | jq -r '.[] | select(.name == "t1" or .name == "t2") | "\(.name) \(.status) \(.closed_at)"'
  t1 won 2026-10-01T00:00:00
  t2 lost 2026-10-03T00:00:00

--unknown-columns skip leaves out what is no field; --map-value, --default
and --unknown-columns refuse what they cannot mean, before any row:

  $ printf 'customer,name,amount,color\n测试客户,u1,100,red\n' | hopper opp import - --unknown-columns skip --json | jq -c '{added, notes}'
  {"added":1,"notes":[]}
  $ hopper opp import owners.csv --map-value stage
  hopper: --map-value 'stage': use --map-value FIELD:VALUE=NEW, such as 'stage:Closed Won=won' or 'owner:Sarah Chen=sarah'
  [2]
  $ hopper opp import owners.csv --map-value 'phase:Won=won'
  hopper: --map-value 'phase:Won=won': 'phase' is not a field of opportunities (fields: customer, name, amount, pipeline, stage, close, prob, status, closed, lost_reason, owner, created, project_number, gross_margin, expense_budget, category)
  [6]
  $ hopper opp import owners.csv --map-value 'stage:Won=won' --map-value 'stage:won=lost'
  hopper: --map-value 'stage:won=lost': stage 'won' is already mapped to 'won'
  [2]
  $ hopper opp import owners.csv --default lost_reason=price --default lost_reason=other
  hopper: --default 'lost_reason=other': lost_reason has a default already
  [2]
  $ hopper opp import owners.csv --default 'reason'
  hopper: --default 'reason': use --default FIELD=VALUE, such as lost_reason=other
  [2]
  $ hopper opp import owners.csv --unknown-columns maybe
  hopper: --unknown-columns: maybe not in {fail,skip}; see hopper opp import --help
  [2]

Dates that cannot be trusted are not trusted. Without --date-format a
column in another form is refused, naming the forms that read all of it;
with one, a column whose days are all 12 or less is imported with a note
(it also reads the other way round), and a column where some rows read only
the other way is refused whole, --skip-invalid or not, since a swapped day
and month is lost data:

  $ printf 'customer,name,amount,created\n测试客户,d1,100,20-10-16\n测试客户,d2,100,21-10-16\n' | hopper opp import - 2>&1 | tail -2
  created: 2 dates are not in hopper's form YYYY-MM-DD; the whole column reads as --date-format '%d-%m-%y' or '%y-%m-%d': day, month and year cannot be told apart from the file, give the form it was written in
  fix them, or import the good rows with --skip-invalid --rejects FILE
  $ printf 'customer,name,amount,created\n测试客户,d1,100,2026-10-16\n测试客户,d2,100,17/10/2026\n' | hopper opp import - 2>&1 | tail -2
  created: 1 date is not in hopper's form YYYY-MM-DD; no one form reads the whole column (it mixes forms): give --date-format as strptime(3) writes the column ('%d.%m.%Y') and fix the rows it does not read
  fix them, or import the good rows with --skip-invalid --rejects FILE
  $ printf 'customer,name,amount,created\n测试客户,e1,100,03/04/2026\n测试客户,e2,100,05/06/2026 14:30\n' > ambiguous.csv
  $ hopper opp import ambiguous.csv --date-format '%d/%m/%Y' -q
  created: every date also reads as '%m/%d/%Y' (no day above 12): check that --date-format '%d/%m/%Y' is the file's
  $ hopper opp list --json | jq -r '.[] | select(.name == "e1" or .name == "e2") | "\(.name) \(.created_at)"'
  e1 2026-04-03T00:00:00
  e2 2026-06-05T14:30:00
  $ printf 'customer,name,amount,created\n测试客户,f1,100,03/04/2026\n测试客户,f2,100,05/16/2026\n测试客户,f3,100,11/06/2026\n' > swapped.csv
  $ hopper opp import swapped.csv --date-format '%d/%m/%Y' --skip-invalid --rejects rejected.csv
  hopper: swapped.csv: created: 1 date reads only as '%m/%d/%Y' (line 3), the others as --date-format '%d/%m/%Y' (every one reads as '%m/%d/%Y'): day and month cannot be trusted in this column, and nothing was imported. Check the file; if the column is written '%m/%d/%Y', give --date-format '%m/%d/%Y'
  [6]
  $ hopper opp list --json | jq '[.[] | select(.name | startswith("f"))] | length'
  0
  $ hopper opp import swapped.csv --date-format '%m/%d/%Y' -q

rep import adds the reps a file names, each once; a name already a rep is
a duplicate (skip or update it), a bad role or capacity a refused row, and
only admins add reps:

  $ printf 'name,team,role,capacity\nnew1,north,manager,30\nnew2,,,\n' | hopper rep import - -q
  $ hopper rep list | grep new
  R22\tnew1\tnorth\tmanager\tyes\t30 (esc)
  R23\tnew2\t\trep\tyes\t50 (esc)
  $ printf 'name,team\nnew1,south\nnew1,west\n' | hopper rep import -
  hopper: stdin: 2 of 2 rows are invalid; nothing was imported:
    stdin:2: name: new1 is already a rep (R22) (--on-duplicate skip|update)
    stdin:3: name: new1 is already a rep (R22) (--on-duplicate skip|update)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'name,team\nnew1,south\n' | hopper rep import - --on-duplicate update -q
  $ hopper rep list --json | jq -c '.[] | select(.name == "new1") | {team, role}'
  {"team":"south","role":"manager"}
  $ printf 'name,role,capacity\nx1,boss,-3\n-x2,,\n' | hopper rep import -
  hopper: stdin: 2 of 2 rows are invalid; nothing was imported:
    stdin:2: capacity: '-3' is not a number of customers (0 or more)
    stdin:2: role: unknown role 'boss': use rep, manager or admin
    stdin:3: name: '-x2' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'name\nnew3\n' | hopper rep import - --as wang
  hopper: importing reps is for admins; wang is a manager
  [9]
