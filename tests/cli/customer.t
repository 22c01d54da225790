hopper customer: layers, owners, capacity, abandon, lock.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 北京云栖软件有限公司 --grade A --segment KA --owner li --contact 刘洋 --phone 13700001111 --set industry=软件 -q
  C1
  $ hopper customer add "Blue Harbor Trading Co., Ltd." --grade B --owner zhao --email info@blueharbor.com -q
  C2
  $ hopper customer add 杭州青禾贸易 --grade C --pool -q
  C3
  $ hopper customer add "Acme" --layer contacted --as li -q
  C4

Chinese and Latin names line up in a table; piped output is TSV; JSON parses:

  $ hopper customer list --format table
  REF  NAME                           GRADE  SEGMENT  LAYER     OWNER  RELEASE IN  LOCKED
  C1   北京云栖软件有限公司           A      KA       客户资源  li             45  no
  C2   Blue Harbor Trading Co., Ltd.  B      SMB      客户资源  zhao           15  no
  C3   杭州青禾贸易                   C      SMB      客户资源  -               -  no
  C4   Acme                           -      SMB      已接触    li             15  no
  $ hopper customer list
  C1\t北京云栖软件有限公司\tA\tKA\t客户资源\tli\t45\tno (esc)
  C2\tBlue Harbor Trading Co., Ltd.\tB\tSMB\t客户资源\tzhao\t15\tno (esc)
  C3\t杭州青禾贸易\tC\tSMB\t客户资源\t\t\tno (esc)
  C4\tAcme\t\tSMB\t已接触\tli\t15\tno (esc)
  $ hopper customer list --json | jq -c '.[] | {ref, name, owner, grade, segment, layer, locked}'
  {"ref":"C1","name":"北京云栖软件有限公司","owner":"li","grade":"A","segment":"KA","layer":"resource","locked":false}
  {"ref":"C2","name":"Blue Harbor Trading Co., Ltd.","owner":"zhao","grade":"B","segment":"SMB","layer":"resource","locked":false}
  {"ref":"C3","name":"杭州青禾贸易","owner":null,"grade":"C","segment":"SMB","layer":"resource","locked":false}
  {"ref":"C4","name":"Acme","owner":"li","grade":null,"segment":"SMB","layer":"contacted","locked":false}
  $ hopper customer list --pool -q
  C3
  $ hopper customer list --owner li --layer 已接触 -q
  C4
  $ hopper customer show C1 --format table
  ref                C1
  name               北京云栖软件有限公司
  grade              A
  segment            KA
  layer              客户资源
  owner              li
  phone              13700001111
  email              -
  locked             no
  release in (days)  45
  release rule       no valid follow-up (key accounts)
  claimed            2026-11-27T09:00:00
  previous owner     -
  reserved for       -
  staked by          -
  cooled until       -
  from lead          -
  created            2026-11-27T09:00:00
  行业               软件
  
  People
  REF  NAME  TITLE  PHONE        EMAIL
  P1   刘洋  -      13700001111  -

Bad input is refused whole:

  $ hopper customer add X --grade Z --segment MID --layer nowhere
  hopper: customer add refused, nothing was written:
    --grade 'Z' is not a grade of this workspace (grades.order: A, B, C, D)
    --segment 'MID' is not a segment of this workspace (customer.segments: SMB, KA)
    --layer 'nowhere' is not a layer of this workspace (see hopper config show)
  [6]
  $ hopper customer add Y --owner li --as zhao
  hopper: adding a customer for another rep is for managers and admins; zhao is a rep
  [9]
  $ hopper customer add "Blue Harbor Trading"
  hopper: duplicate (撞单), nothing was written:
    company blueharbortrading is already C2 Blue Harbor Trading Co., Ltd. (owner zhao, layer 客户资源)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper customer list -q | wc -l
  4

Layers move with history; abandoning cools the customer and frees the owner:

  $ hopper customer move C1 intent --as li -q
  C1
  $ hopper customer move C1 abandoned --as li
  hopper: use 'hopper customer abandon C1 --reason TEXT' to abandon a customer
  [2]
  $ hopper customer move C1 somewhere --as li
  hopper: 'somewhere' is not a layer (known: resource, graded, contacted, lead, intent, signed, implemented)
  [6]
  $ hopper customer move C2 intent --as li
  hopper: customer C2 belongs to zhao; a rep may change only their own records (ask a manager)
  [9]
  $ hopper customer abandon C4 --reason "shut down" --as li --json | jq -c '{layer, owner, cool_until}'
  {"layer":"abandoned","owner":null,"cool_until":"2027-02-25"}
  $ hopper customer abandon C4 --reason again
  hopper: customer C4 is already abandoned
  [4]

Locking is for managers:

  $ hopper customer lock C1 --as li
  hopper: locking a customer (exempting it from recycling) is for managers and admins; li is a rep
  [9]
  $ hopper customer lock C1 --as wang -q
  C1
  $ hopper customer lock C1 --as wang
  hopper: customer C1 is already locked
  [4]
  $ hopper customer unlock C1 --as wang --json | jq .locked
  false

Owners change by managers only, within capacity:

  $ hopper customer edit C2 --owner li --as zhao
  hopper: changing a customer's owner is for managers and admins; zhao is a rep
  [9]
  $ hopper customer edit C2 --owner li --as wang -q
  C2
  $ hopper customer edit C2 --name "Blue Harbor" --as li --json | jq -c '{name, owner}'
  {"name":"Blue Harbor","owner":"li"}

Capacity: a rep holding capacity customers is refused another (exit 4):

  $ hopper rep edit zhao --capacity 1 -q
  R4
  $ hopper customer add "One Ltd" --as zhao -q
  C5
  $ hopper customer add "Two Ltd" --as zhao
  hopper: zhao holds 1 of 1 customers (private pool capacity; layers signed, implemented not counted); release or abandon one first
  [4]
  $ hopper customer add "Two Ltd" --layer signed --as zhao -q
  C6
  $ hopper person add C1 --name 王磊 --title 采购经理 --phone 139-0000-1111 --as li --format table
  ref    P2
  name   王磊
  title  采购经理
  phone  139-0000-1111
  email  -
  $ hopper person add C1 --name 王磊 --phone 123 --as li
  hopper: person add refused, nothing was written:
    --phone '123' is not a valid phone number: '123' (3 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
  [6]
  $ hopper person add C1 --name X --as zhao
  hopper: customer C1 belongs to li; a rep may change only their own records (ask a manager)
  [9]
