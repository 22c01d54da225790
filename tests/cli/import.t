hopper lead|customer|opp import: a team's spreadsheet comes in, each row
checked as `add` checks it; one bad row and nothing is imported.

  $ . "$TESTDIR/setup.sh"
  $ cat >> funnel.toml <<'TOML'
  > [[field]]
  > entity = "lead"
  > key = "met"
  > name = "First met"
  > type = "date"
  > TOML

A CSV from Excel: a BOM, CRLF line ends, a quoted comma and a line break
inside quotes, headers in any case, owners and grades by name.

  $ printf '\xef\xbb\xbfName,Company,Phone,Email,Grade,Owner,Source\r\n张伟,华星科技有限公司,138-0013-8000,zw@hx.cn,A,li,展会\r\nAnna,"Nordlicht, GmbH",,anna@nl.de,B,zhao,"web\r\nform"\r\n' > leads.csv
  $ hopper lead import leads.csv --format table
  file                  leads.csv
  rows                  2
  added                 2
  first                 L1
  last                  L2
  updated               0
  skipped (duplicates)  0
  rejected              0
  rejects               -
  $ hopper lead list --format csv | tr -d '\r'
  ref,name,company,phone,grade,source,owner,status
  L1,张伟,华星科技有限公司,138-0013-8000,A,展会,li,open
  L2,Anna,"Nordlicht, GmbH",,B,"web
  form",zhao,open

Each imported row is in the event log under the command that brought it.

  $ hopper history L2 --json | jq -r '.[] | .command'
  hopper lead import leads.csv --format table

The same file again: every row duplicates one already there. The default
refuses them all and imports nothing; skip leaves them; update fills them in.

  $ hopper lead import leads.csv --format table
  hopper: leads.csv: 2 of 2 rows are invalid; nothing was imported:
    leads.csv:2: Phone: phone 13800138000 is already L1 张伟 (owner li) (--on-duplicate skip|update)
    leads.csv:3: Email: email anna@nl.de is already L2 Anna (owner zhao) (--on-duplicate skip|update)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ hopper lead import leads.csv --on-duplicate skip --json | jq -c '{added, skipped}'
  {"added":0,"skipped":2}
  $ printf 'email,grade\nanna@nl.de,C\n' | hopper lead import - --on-duplicate update --json | jq -c '{added, updated}'
  {"added":0,"updated":1}
  $ hopper lead show L2 --json | jq -r .grade
  C

A duplicate inside the file names the line it repeats.

  $ printf 'name,phone\nA,13900139000\nB,139-0013-9000\n' > twice.csv
  $ hopper lead import twice.csv
  hopper: twice.csv: 1 of 2 rows is invalid; nothing was imported:
    twice.csv:3: phone: phone 13900139000 is already on line 2 of this file (--on-duplicate skip|update)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]

Every problem of every row is listed, by line and column, and nothing is
written: not even the good rows.

  $ printf 'name,phone,email,grade,met\nGood,13700137000,,A,2026-01-02\n,12345,x@,E,someday\nAlso good,,,,\n' > bad.csv
  $ hopper lead import bad.csv
  hopper: bad.csv: 1 of 3 rows is invalid; nothing was imported:
    bad.csv:3: grade: 'E' is not a grade of this workspace (valid: A, B, C, D; see hopper config show)
    bad.csv:3: met: 'someday' is not a date in hopper's form (YYYY-MM-DD, a time of day after it); --date-format reads others
    bad.csv:3: name: is required (lead.required in funnel.toml)
    bad.csv:3: phone: '12345' is not a valid phone number: '12345' (5 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
    bad.csv:3: email: 'x@' is not an email address (expected name@domain.tld)
  grade: 'E' (1 row); map each to one this workspace has: --map-value 'grade:VALUE=KEY' (hopper config show)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ hopper lead list --json | jq length
  2

--skip-invalid imports the good rows and writes the bad ones, as they were,
with the reason; it needs --rejects, so no row is lost.

  $ hopper lead import bad.csv --skip-invalid
  hopper: --skip-invalid needs --rejects FILE (and --rejects needs --skip-invalid): the bad rows go there, so none is lost
  [2]
  $ hopper lead import bad.csv --skip-invalid --rejects rejects.csv -q
  1 row rejected; it is in rejects.csv with the reason
  grade: 'E' (1 row); map each to one this workspace has: --map-value 'grade:VALUE=KEY' (hopper config show)
  $ cat rejects.csv
  name,phone,email,grade,met,reason
  ,12345,x@,E,someday,"line 3: grade: 'E' is not a grade of this workspace (valid: A, B, C, D; see hopper config show); met: 'someday' is not a date in hopper's form (YYYY-MM-DD, a time of day after it); --date-format reads others; name: is required (lead.required in funnel.toml); phone: '12345' is not a valid phone number: '12345' (5 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern); email: 'x@' is not an email address (expected name@domain.tld)"
  $ hopper lead show L3 --json | jq -c .fields
  {"met":"2026-01-02"}

The rejects file is written only once the import is kept: a refused or
--dry-run import writes none. It is never the file being read — by its
name, a symlink, a hard link or stdin — and never replaces a file that
exists, unless --force says so (then through a symlink to its file).

  $ cp bad.csv input.csv && ln -s input.csv link.csv && ln input.csv hard.csv
  $ for name in input.csv link.csv hard.csv; do hopper lead import input.csv --skip-invalid --rejects $name --force; done
  hopper: --rejects 'input.csv' is the file being read; name another file
  hopper: --rejects 'link.csv' is the file being read; name another file
  hopper: --rejects 'hard.csv' is the file being read; name another file
  [6]
  $ hopper lead import - --skip-invalid --rejects input.csv --dry-run < input.csv
  hopper: --rejects 'input.csv' is the file being read (stdin); name another file
  [6]
  $ cmp input.csv bad.csv && echo intact
  intact
  $ hopper lead import input.csv --skip-invalid --rejects new.csv --dry-run -q
  2 rows would be rejected (a dry run writes no --rejects file)
  grade: 'E' (1 row); map each to one this workspace has: --map-value 'grade:VALUE=KEY' (hopper config show)
  dry run: nothing was changed
  $ hopper lead import input.csv --skip-invalid --rejects new.csv --input-format jsonl -q
  hopper: input.csv:1: not a JSON object; JSONL has one object per line
  [6]
  $ ls new.csv
  ls: cannot access 'new.csv': No such file or directory
  [2]
  $ hopper lead import input.csv --skip-invalid --rejects rejects.csv -q
  hopper: --rejects 'rejects.csv' exists; it is never overwritten: choose another name, or add --force
  [7]
  $ head -1 rejects.csv
  name,phone,email,grade,met,reason
  $ printf 'name,phone\n孙悦,12\n' > more.csv && ln -s rejects.csv last.csv
  $ hopper lead import more.csv --skip-invalid --rejects last.csv --force -q
  1 row rejected; it is in last.csv with the reason
  $ test -L last.csv && cat rejects.csv
  name,phone,reason
  孙悦,12,"line 2: phone: '12' is not a valid phone number: '12' (2 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)"
  $ stat -c %a rejects.csv
  600
  $ cp rejects.csv kept.csv
  $ hopper lead import more.csv --skip-invalid --rejects rejects.csv --force --input-format jsonl -q
  hopper: more.csv:1: not a JSON object; JSONL has one object per line
  [6]
  $ cmp rejects.csv kept.csv && echo untouched by a refused import
  untouched by a refused import
  $ hopper lead import more.csv --skip-invalid --rejects /dev/null -q
  1 row rejected; it is in /dev/null with the reason
  $ mkdir folder-of-rejects && hopper lead import more.csv --skip-invalid --rejects folder-of-rejects
  hopper: --rejects 'folder-of-rejects' is a directory; name a file in it
  [6]
  $ hopper lead import more.csv --force
  hopper: --force requires --rejects; see hopper lead import --help
  [2]
  $ hopper lead import more.csv --skip-invalid --rejects -
  hopper: --rejects '-': name a file (stdout carries the command's own output)
  [6]
  $ hopper lead import more.csv --skip-invalid --rejects ''
  hopper: --rejects '': name a file (stdout carries the command's own output)
  [6]
  $ ls -a | grep -c hopper-
  0
  [1]

Dates as the export wrote them: --date-format, for custom date fields and
for `created` (the record's history starts then; never after the clock).

  $ printf 'name,met,created\r\nDmitri,05-03-26,01-02-26\r\nFuture,,01-12-26\r\nWrong,2026-03-05,\r\n' > dates.csv
  $ hopper lead import dates.csv --date-format '%d-%m-%y'
  hopper: dates.csv: 2 of 3 rows are invalid; nothing was imported:
    dates.csv:3: created: 2026-12-01T00:00:00 is later than the clock (2026-11-27T09:00:00): it records what already happened
    dates.csv:4: met: '2026-03-05' does not match --date-format %d-%m-%y
  created: every date also reads as '%m-%d-%y' (no day above 12): check that --date-format '%d-%m-%y' is the file's
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ head -2 dates.csv > dates-ok.csv
  $ hopper lead import dates-ok.csv --date-format '%d-%m-%y' -q
  created: every date also reads as '%m-%d-%y' (no day above 12): check that --date-format '%d-%m-%y' is the file's
  met: every date also reads as '%m-%d-%y' (no day above 12): check that --date-format '%d-%m-%y' is the file's
  $ hopper lead show L5 --json | jq -c '{created_at, fields}'
  {"created_at":"2026-02-01T00:00:00","fields":{"met":"2026-03-05"}}

GBK from Chinese Excel, and --map for columns named otherwise.

  $ printf '姓名,公司,电话,备注\n王芳,星河贸易有限公司,13600136000,老客户介绍\n' | iconv -f UTF-8 -t GBK > gbk.csv
  $ hopper lead import gbk.csv
  hopper: gbk.csv:1: byte 1 (0xD0) is not UTF-8; a spreadsheet saved by Chinese Excel needs --encoding gbk
  [6]
  $ hopper lead import gbk.csv --encoding gbk
  hopper: gbk.csv:1: column '姓名' is not a field of leads; map it (--map '姓名=FIELD') or leave it out (--map '姓名='); fields: name, company, contact, phone, email, source, grade, owner, created, met
  [6]
  $ hopper lead import gbk.csv --encoding gbk --map 姓名=name --map 公司=company --map 电话=phone --map 备注= -q
  $ hopper lead show L6 --json | jq -c '{name, company}'
  {"name":"王芳","company":"星河贸易有限公司"}
  $ printf 'nm\nQ1\n' | hopper lead import --map nm=name - --dry-run -q
  dry run: nothing was changed
  $ printf 'nm\nQ1\n' | hopper lead import --map nm=name - --dry-run 2>/dev/null | head -1
  file\t- (esc)
  $ printf 'name,Phone,mobile\nA,13500135000,13500135001\n' | hopper lead import - --map mobile=phone
  hopper: stdin:1: columns 'Phone' and 'mobile' both fill phone; leave one out (--map 'mobile=')
  [6]
  $ hopper lead import gbk.csv --map 姓名=nickname
  hopper: --map '姓名=nickname': 'nickname' is not a field of leads (fields: name, company, contact, phone, email, source, grade, owner, created, met)
  [6]

JSONL, one object per line; numbers are read as text.

  $ printf '{"name":"J1","phone":13500135000,"grade":"B"}\n\n{"name":"J2","source":"api"}\n' > leads.jsonl
  $ hopper lead import leads.jsonl -q
  $ printf '{"name":"J3","Phone":"13500135002","phone":"13500135003"}\n' | hopper lead import - --input-format jsonl
  hopper: stdin:1: two keys fill phone; leave one out (--map 'phone=')
  [6]
  $ printf '{"name":"J3"}\n[1,2]\n' | hopper lead import - --input-format jsonl
  hopper: stdin:2: not a JSON object; JSONL has one object per line
  [6]

A key twice in one object (JSON would keep the last) is refused, and so is
a NUL byte in a value, from JSONL or CSV, as no command line can carry one:

  $ printf '{"name":"J3","phone":"13500135002","name":"J4"}\n' | hopper lead import - --input-format jsonl
  hopper: stdin:1: key 'name' appears twice; give each field once
  [6]
  $ printf '{"name":"J\\u00003"}\n' | hopper lead import - --input-format jsonl
  hopper: stdin: 1 of 1 rows is invalid; nothing was imported:
    stdin:1: name: holds a NUL byte (at byte 2); no value may hold one: remove it from the file
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'name,company\nJ5,Acme\000Ltd\n' | hopper lead import -
  hopper: stdin: 1 of 1 rows is invalid; nothing was imported:
    stdin:2: company: holds a NUL byte (at byte 5); no value may hold one: remove it from the file
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ hopper lead list --json | jq -r '.[].name' | grep -c J[345]
  0
  [1]

Broken files: a quote never closed, more or fewer fields than the header,
no header.

  $ printf 'name,phone\n"open,1\n' | hopper lead import -
  hopper: stdin:2: a quoted field is never closed
  [6]
  $ printf 'name\nA,B\n' | hopper lead import -
  hopper: stdin: 1 of 1 rows is invalid; nothing was imported:
    stdin:2: 2 fields, but the header has 1 column
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'name,company,grade\nA\nB,Acme\nC,Acme,B,\nD,,\n' | hopper lead import -
  hopper: stdin: 3 of 4 rows are invalid; nothing was imported:
    stdin:2: 1 field, but the header has 3 columns
    stdin:3: 2 fields, but the header has 3 columns
    stdin:4: 4 fields, but the header has 3 columns
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ : > empty.csv && hopper lead import empty.csv
  hopper: empty.csv: the file is empty; it needs a header row
  [6]
  $ hopper lead import missing.csv
  hopper: cannot read 'missing.csv'
  [3]

A directory, or a file whose bytes cannot be read, is named (exit 6),
whichever noun imports it:

  $ mkdir folder
  $ for noun in lead customer opp; do hopper $noun import folder; echo "exit $?"; done
  hopper: folder: cannot be read (Is a directory); name a file of rows
  exit 6
  hopper: folder: cannot be read (Is a directory); name a file of rows
  exit 6
  hopper: folder: cannot be read (Is a directory); name a file of rows
  exit 6
  $ hopper lead import folder --input-format jsonl
  hopper: folder: cannot be read (Is a directory); name a file of rows
  [6]
  $ hopper lead import /proc/self/mem
  hopper: /proc/self/mem: cannot be read (Input/output error); name a file of rows
  [6]

An inbound lead matching a staked pool customer goes to the staker (占坑),
on import as on add.

  $ hopper customer add 远景科技 --pool --phone 13300133000 -q
  C1
  $ hopper pool stake C1 --as zhao -q
  C1
  $ printf 'name,phone\n远景 王总,13300133000\n' | hopper lead import - --as li -q
  $ hopper lead show L9 --json | jq -r .owner
  zhao

A rep imports their own leads; leads for another rep, and customers or
deals, are for managers.

  $ printf 'name,owner\nZ1,zhao\n' | hopper lead import - --as li
  hopper: stdin: 1 of 1 rows is invalid; nothing was imported:
    stdin:2: adding a lead for another rep is for managers and admins; li is a rep
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ printf 'name\nX\n' | hopper customer import - --as li
  hopper: importing customers is for managers and admins; li is a rep
  [9]

Customers: an owner by name, or none (empty or "pool") for the shared pool;
layers and segments by key or name.

  $ printf 'name,owner,grade,layer,industry\n海天集团,li,A,contacted,制造\n云端软件,,B,,软件\n' > customers.csv
  $ hopper customer import customers.csv --as wang -q
  $ hopper customer list --json | jq -c '.[] | {ref, owner, layer, fields}'
  {"ref":"C1","owner":null,"layer":"resource","fields":{}}
  {"ref":"C2","owner":"li","layer":"contacted","fields":{"industry":"制造"}}
  {"ref":"C3","owner":null,"layer":"resource","fields":{"industry":"软件"}}

Deals, with their closed history: won and lost with the dates they closed,
so that reports over an imported history come out right.

  $ cat > deals.csv <<'CSV'
  > customer,name,amount,stage,close,status,closed,lost_reason,created
  > 海天集团,Fleet renewal,30万,proposal,2026-12-20,open,,,2026-10-01
  > C2,Pilot,120000,negotiation,,won,2026-06-30,,2026-04-01
  > C2,Expansion,50000,,,lost,2026-08-15,price,2026-07-01
  > 云端软件,Nope,1000,,,,,,
  > C2,Odd,1000,,,done,,,
  > C2,Unclosed,1000,,,won,,,
  > CSV
  $ hopper opp import deals.csv --as wang
  hopper: deals.csv: 3 of 6 rows are invalid; nothing was imported:
    deals.csv:5: customer C3 is in the shared pool; a deal needs an owner: claim it first (hopper pool claim C3) or have a manager assign it
    deals.csv:6: status: 'done' is not open, won or lost
    deals.csv:7: closed: is required for a won deal: the date it closed (or a close date)
  status: 'done' (1 row); a status is open, won or lost: --map-value 'status:VALUE=won'
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ head -4 deals.csv | hopper opp import - --as wang -q
  $ hopper opp list --status won --json --as wang | jq -c '.[] | {ref, owner, closed_at, amount}'
  {"ref":"O2","owner":"li","closed_at":"2026-06-30T00:00:00","amount":120000}
  $ hopper opp list --status lost --json --as wang | jq -c '.[] | {ref, lost_reason, closed_at}'
  {"ref":"O3","lost_reason":"price","closed_at":"2026-08-15T00:00:00"}
  $ hopper customer show C2 --json | jq -r .layer
  signed

A list shows when a closed deal closed, whether or not the file gave it an
expected close date:

  $ hopper opp list --status all --as wang | cut -f1,8,10
  O1\t2026-12-20\topen (esc)
  O2\t2026-06-30\twon (esc)
  O3\t2026-08-15\tlost (esc)
  $ hopper opp show O3 --as wang | grep -E '^(close date|closed)'
  close date\t (esc)
  closed\t2026-08-15T00:00:00 (esc)
  $ hopper rep scorecard --rep li --period 2026 --json --as wang | jq -c '.rows[0] | {won, won_amount}'
  {"won":1,"won_amount":120000}
  $ head -2 deals.csv | hopper opp import - --as wang
  hopper: stdin: 1 of 1 rows is invalid; nothing was imported:
    stdin:2: name: C2 already has a deal named Fleet renewal (O1) (--on-duplicate skip|update)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]

A column no field takes, and a rep importing deals, are named in the
plural of the records:

  $ printf 'customer,name,amount,phone\n' | hopper opp import - --as wang 2>&1 | cut -d';' -f1
  hopper: stdin:1: column 'phone' is not a field of opportunities
  $ printf 'customer\n' | hopper opp import - --as li
  hopper: importing opportunities is for managers and admins; li is a rep
  [9]

--dry-run checks and counts, and writes nothing.

  $ printf 'name\nDry\n' | hopper lead import - --dry-run --json | jq -c '{added, dry_run}'
  dry run: nothing was changed
  {"added":1,"dry_run":true}
  $ hopper lead list --json | jq length
  9
