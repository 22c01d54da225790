hopper lead: validation on entry, duplicates, convert.

  $ . "$TESTDIR/setup.sh"
  $ hopper lead add --name 张伟 --company 华星科技有限公司 --phone '+86 138-0013-8000' --email Zhang.Wei@HX.cn --source 展会 --grade A --owner li --format table
  ref          L1
  name         张伟
  company      华星科技有限公司
  contact      -
  phone        +86 138-0013-8000
  email        Zhang.Wei@HX.cn
  source       展会
  grade        A
  owner        li
  status       open
  drop reason  -
  customer     -
  created      2026-11-27T09:00:00
  $ hopper lead add --name "Anna Berg" --company "Nordlicht GmbH" --email anna@nordlicht.de --as zhao -q
  L2

Every refusal is exit 6, names each field and why, and writes nothing:

  $ hopper lead add --name 王芳 --phone 1380013800
  hopper: lead add refused, nothing was written:
    --phone '1380013800' is not a valid phone number: '1380013800' (10 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
  [6]
  $ hopper lead add --company X --phone abc --email not-an-email --grade E
  hopper: lead add refused, nothing was written:
    --name is required (lead.required in funnel.toml)
    --phone 'abc' is not a valid phone number: 'abc' (3 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
    --email 'not-an-email' is not an email address (expected name@domain.tld)
    --grade 'E' is not a grade of this workspace (grades.order: A, B, C, D)
  [6]
  $ hopper lead add --name Y --set budget=5
  hopper: lead add refused, nothing was written:
    --set budget: no custom field 'budget' for lead ([[field]] in funnel.toml; known: none)
  [6]
  $ hopper lead list -q
  L1
  L2

Duplicates: phone after normalising, email lower-cased, company without its legal suffix.

  $ hopper lead add --name 刘总 --phone 13800138000
  hopper: duplicate (撞单), nothing was written:
    phone 13800138000 is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name Someone --email ZHANG.WEI@hx.cn
  hopper: duplicate (撞单), nothing was written:
    email zhang.wei@hx.cn is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name 陈 --company 华星科技 --as zhao
  hopper: duplicate (撞单), nothing was written:
    company 华星科技 is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name 陈 --company 华星科技 --as zhao --force -q
  L3
  opened conflict X1 (撞单); see hopper conflict list
  $ hopper conflict list --format table
  ID  RECORD  MATCHES  KEY      VALUE     STATUS  TO  HOW  OPENED
  X1  L3      L1       company  华星科技  open    -   -    2026-11-27T09:00:00

Listing and filters; piped output is TSV without a header:

  $ hopper lead list
  L1\t张伟\t华星科技有限公司\t+86 138-0013-8000\tA\t展会\tli\topen (esc)
  L2\tAnna Berg\tNordlicht GmbH\t\t\t\tzhao\topen (esc)
  L3\t陈\t华星科技\t\t\t\tzhao\topen (esc)
  $ hopper lead list --owner li --format table
  REF  NAME  COMPANY           PHONE              GRADE  SOURCE  OWNER  STATUS
  L1   张伟  华星科技有限公司  +86 138-0013-8000  A      展会    li     open
  $ hopper lead list --status converted
  $ hopper lead show L1 --json | jq -c '{ref, name, owner, phone, grade, status, customer}'
  {"ref":"L1","name":"张伟","owner":"li","phone":"+86 138-0013-8000","grade":"A","status":"open","customer":null}

Reps change only their own leads; managers change any:

  $ hopper lead edit L1 --grade B --as zhao
  hopper: lead L1 belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper lead edit L1 --grade B --as li -q
  L1
  $ hopper lead edit L1 --owner zhao --as li
  hopper: handing a lead to another rep is for managers and admins; li is a rep
  [9]
  $ hopper lead edit L3 --owner li --as wang -q
  L3
  $ hopper lead edit L1 --phone 12
  hopper: lead edit L1 refused, nothing was written:
    --phone '12' is not a valid phone number: '12' (2 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
  [6]
  $ hopper lead show 1 --json | jq -r '.grade, .phone'
  B
  +86 138-0013-8000
  $ hopper lead show L99
  hopper: no lead L99 (see hopper lead list)
  [3]
  $ hopper lead show C1
  hopper: 'C1' is a customer, but a lead (LN) is expected here
  [6]

Converting keeps the owner, makes a person from the contact, links both ways:

  $ hopper lead convert L1 --as li --format table
  ref                C1
  name               华星科技有限公司
  grade              B
  segment            SMB
  layer              有线索
  owner              li
  phone              +86 138-0013-8000
  email              Zhang.Wei@HX.cn
  locked             no
  release in (days)  15
  release rule       no valid follow-up
  claimed            2026-11-27T09:00:00
  previous owner     -
  reserved for       -
  staked by          -
  cooled until       -
  from lead          L1
  created            2026-11-27T09:00:00
  行业               -
  
  People
  REF  NAME  TITLE  PHONE              EMAIL
  P1   张伟  -      +86 138-0013-8000  Zhang.Wei@HX.cn
  $ hopper lead show L1 --json | jq -c '{status, customer}'
  {"status":"converted","customer":"C1"}
  $ hopper lead convert L1 --as li
  hopper: lead L1 was already converted to C1
  [4]
  $ hopper lead edit L1 --grade C --as li
  hopper: lead L1 is converted; only open leads can change
  [4]

Dropping keeps the lead with its reason:

  $ hopper lead drop L2 --as zhao
  hopper: --reason is required; see hopper lead drop --help
  [2]
  $ hopper lead drop L2 --reason "no budget this year" --as zhao -q
  L2
  $ hopper lead list --status dropped --json | jq -c '.[] | {ref, status, drop_reason}'
  {"ref":"L2","status":"dropped","drop_reason":"no budget this year"}

Converting with an opportunity opens it on the new customer (who moves to intent):

  $ hopper lead add --name 吴总 --company 东方重工 --phone 13600001111 --as li -q
  L4
  $ hopper lead convert L4 --opp 生产线改造 --amount 200万 --close 2027-03-31 --as li --json | jq -c '{ref, layer}'
  opened O1 生产线改造
  {"ref":"C2","layer":"intent"}
  $ hopper opp list --json | jq -c '.[] | {ref, name, customer, amount, close_date}'
  {"ref":"O1","name":"生产线改造","customer":"C2","amount":2000000,"close_date":"2027-03-31"}
  $ hopper lead convert L3 --opp X --as li
  hopper: --opp needs --amount X
  [2]
