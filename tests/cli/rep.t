hopper rep: only admins manage reps.

  $ . "$TESTDIR/setup.sh"
  $ hopper rep list --format table
  REF  NAME   TEAM  ROLE     ACTIVE  CAPACITY
  R1   admin  -     admin    yes           50
  R2   wang   east  manager  yes           50
  R3   li     east  rep      yes           50
  R4   zhao   west  rep      yes           50
  $ hopper rep add sun --team west --capacity 20 --format table
  ref       R5
  name      sun
  team      west
  role      rep
  active    yes
  capacity  20
  $ hopper rep edit li --capacity 30 --json | jq -c '{name, capacity, capacity_override}'
  {"name":"li","capacity":30,"capacity_override":30}
  $ hopper rep edit li --default-capacity --json | jq -c '{name, capacity, capacity_override}'
  {"name":"li","capacity":50,"capacity_override":null}
  $ hopper rep edit li --capacity -1
  hopper: --capacity: '-1' is not a whole number from 0 to 1000000; see hopper rep edit --help
  [2]
  $ hopper rep add qian --capacity 1e400
  hopper: --capacity: '1e400' is not a whole number from 0 to 1000000; see hopper rep add --help
  [2]
  $ hopper customer list --limit 0
  hopper: --limit: '0' is not a whole number from 1 to 1000000000; see hopper customer list --help
  [2]
  $ hopper rep edit wang --role admin -q
  R2
  $ hopper rep list --json | jq -r '.[] | "\(.ref) \(.name) \(.role)"'
  R1 admin admin
  R2 wang admin
  R3 li rep
  R4 zhao rep
  R5 sun rep

Refusals:

  $ hopper rep add li
  hopper: there is already a rep named 'li'
  [5]
  $ hopper rep add qian --as li
  hopper: adding reps is for admins; li is a rep
  [9]
  $ hopper rep edit li --team north --as wang -q
  R3
  $ hopper rep edit nobody --team x
  hopper: no rep named 'nobody' (see hopper rep list)
  [3]
  $ hopper rep add qian --role boss
  hopper: unknown role 'boss': use rep, manager or admin
  [6]
  $ hopper rep edit wang --role rep -q
  R2
  $ hopper rep edit admin --role rep
  hopper: admin is the last admin; make another rep admin first
  [4]

A denied command changes nothing but is in the log:

  $ hopper history --format tsv | grep denied | cut -f2- | sed -E "s/ \(real [0-9T:-]+\)//"
  2026-11-27T09:00:00\tli (os root)\t\tdenied\t\thopper rep add qian --as li (esc)

So is one by a name that is no rep; a refused dry run writes that record
and nothing else, and says so:

  $ hopper customer add 甲 --as stranger
  hopper: 'stranger' is not a rep of this workspace; pass --as NAME or set HOPPER_USER (see hopper rep list; an admin adds reps with hopper rep add)
  [9]
  $ hopper rep add qian --as li --dry-run
  dry run: nothing was changed; the refusal is recorded in the event log
  hopper: adding reps is for admins; li is a rep
  [9]
  $ hopper history --format tsv | grep denied | cut -f2- | sed -E "s/ \(real [0-9T:-]+\)//"
  2026-11-27T09:00:00\tli (os root)\t\tdenied\t\thopper rep add qian --as li --dry-run (esc)
  2026-11-27T09:00:00\tstranger (os root)\t\tdenied\t\thopper customer add 甲 --as stranger (esc)
  2026-11-27T09:00:00\tli (os root)\t\tdenied\t\thopper rep add qian --as li (esc)
  $ hopper customer list --format tsv | wc -l
  0

A copy of the whole workspace holds every contact: export and backup are
for managers and admins, and a refused one is in the log as a refused
change is:

  $ hopper backup ../li.db --as li
  hopper: backing up the workspace is for managers and admins; li is a rep
  [9]
  $ hopper export --as li
  hopper: exporting the workspace is for managers and admins; li is a rep
  [9]
  $ test -e ../li.db || echo 'no copy'
  no copy
  $ hopper history --format tsv | grep denied | head -2 | cut -f7
  hopper export --as li
  hopper backup ../li.db --as li

A rep's name is typed after --as and shown in every table: 1–64 characters,
no control characters, no spaces around it, not starting with '-':

  $ for name in '' ' li' -1 "$(printf 'a\033b')" "$(head -c 65 /dev/zero | tr '\0' x)"; do hopper rep add -- "$name"; echo "exit $?"; done
  hopper: '' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  exit 6
  hopper: ' li' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  exit 6
  hopper: '-1' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  exit 6
  hopper: 'a\x1bb' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  exit 6
  hopper: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' cannot be a rep's name: a rep's name is 1–64 characters without control characters or spaces around it, not starting with '-'
  exit 6
  $ hopper rep add 'Wang Li' -q && hopper rep add 王小明 -q
  R6
  R7
