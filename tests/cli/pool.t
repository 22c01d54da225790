The customer pool, stepping --now through the days (docs/pool-rules.md).

  $ . "$TESTDIR/setup.sh"
  $ export HOPPER_NOW=2026-11-02T09:00
  $ hopper rep edit li --capacity 2 -q
  R3
  $ hopper customer add 甲贸易 --owner li -q
  C1
  $ hopper customer add 乙贸易 --owner li -q
  C2

Capacity: a third customer for li is refused until one is released.

  $ hopper customer add 丙贸易 --as li
  hopper: li holds 2 of 2 customers (private pool capacity; layers signed, implemented not counted); release or abandon one first
  [4]
  $ hopper customer add 丙贸易 --pool -q
  C3
  $ hopper pool claim C3 --as li
  hopper: pool claim refused, nothing was changed:
    li holds 2 of 2 customers; 1 more would pass capacity: release one first (hopper pool release REF --reason …)
  [4]
  $ hopper pool status --format table
  REP    HELD  CAPACITY  FREE  STAKED  CLAIMED TODAY
  admin     0        50    50       0              0
  wang      0        50    50       0              0
  li        2         2     0       0              0
  zhao      0        50    50       0              0

release_in counts down from the claim (SMB: 15 days without a valid follow-up):

  $ hopper customer list --owner li --json | jq -c '.[] | {ref, release_in, release_rule}'
  {"ref":"C1","release_in":15,"release_rule":"no valid follow-up"}
  {"ref":"C2","release_in":15,"release_rule":"no valid follow-up"}
  $ export HOPPER_NOW=2026-11-07T09:00
  $ hopper customer list --owner li --sort release --format table
  REF  NAME    GRADE  SEGMENT  LAYER     OWNER  RELEASE IN  LOCKED
  C1   甲贸易  -      SMB      客户资源  li             10  no
  C2   乙贸易  -      SMB      客户资源  li             10  no

A valid follow-up resets C1's clock at once; a filler follow-up does not reset C2's:

  $ hopper log C1 '拜访了采购经理，确认明年一季度的预算' --type visit --as li -q
  A1
  $ hopper log C2 '继续跟进' --type call --as li -q
  logged, but not a valid follow-up: filler phrase only (继续跟进, 暂无意向, 保持互动); it does not reset the recycling clock
  A2
  $ hopper customer list --owner li --sort release --json | jq -c '.[] | {ref, release_in}'
  {"ref":"C2","release_in":10}
  {"ref":"C1","release_in":15}

Three days before, the agenda warns:

  $ hopper --now 2026-11-14 agenda --as li --format tsv | grep ^release
  release\tC2\t乙贸易\t2026-11-17\treleased in 3 days by 'no valid follow-up' unless followed up (esc)

Day 15 for C2: a dry run lists it and changes nothing; the recycle releases exactly it; a second run releases nothing.

  $ export HOPPER_NOW=2026-11-17T02:00
  $ hopper pool recycle --dry-run --json
  {
    "conflicts_resolved": [],
    "dry_run": true,
    "released": [
      {
        "days": 15,
        "detail": null,
        "name": "乙贸易",
        "owner": "li",
        "ref": "C2",
        "rule": "no valid follow-up"
      }
    ]
  }
  dry run: nothing was changed
  $ hopper customer show C2 --json | jq -r .owner
  li
  $ hopper pool recycle --format table
  REF  NAME    OWNER  RULE                DAYS  DETAIL
  C2   乙贸易  li     no valid follow-up    15  -
  $ hopper pool recycle --json | jq -c .
  {"conflicts_resolved":[],"dry_run":false,"released":[]}
  $ hopper customer show C2 --json | jq -c '{owner, previous_owner, release_in}'
  {"owner":null,"previous_owner":"li","release_in":null}
  $ hopper history C2 --format tsv | cut -f3,5,6 | head -1
  admin (os root)\tclaimed_at: 2026-11-02T09:00:00 → null; owner_id: 3 → null; previous_owner_id: null → 3\trecycled: no valid follow-up (15 days) (esc)

Cooldown: li may not take C2 back for 30 days; zhao may:

  $ hopper pool claim C2 --as li
  hopper: pool claim refused, nothing was changed:
    C2 left li 0 days ago; it may not be claimed back before 30 days ([pool] cooldown_days)
  [4]
  $ hopper pool claim C2 --as zhao --format table
  REF  NAME    GRADE  SEGMENT  LAYER     OWNER  PREVIOUS  RESERVED FOR  STAKED BY  COOLED UNTIL
  C2   乙贸易  -      SMB      客户资源  zhao   li        -             -          -
  $ hopper pool list -q
  C3

Reps recycle nothing; releasing is for owners; the pool's own rules:

  $ hopper pool recycle --as li
  hopper: pool recycle is for managers and admins; li is a rep
  [9]
  $ hopper pool release C1 --as zhao --reason mine
  hopper: customer C1 belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper pool release C1 --as li
  hopper: --reason is required; see hopper pool release --help
  [2]
  $ hopper pool release C1 --as li --reason "moved abroad" -q
  C1
  $ hopper pool claim C1 --as zhao -q
  C1
  $ hopper pool claim C1 --as zhao
  hopper: pool claim refused, nothing was changed:
    C1 is not in the pool: zhao owns it
  [4]

Staking 占坑: beyond capacity; an inbound lead goes to the staker; incomplete stakes lapse.

  $ hopper customer add 丁科技 --pool --phone 13900001111 -q
  C4
  $ hopper pool stake C3 C4 --as li -q
  C3
  C4
  $ hopper pool claim C4 --as zhao
  hopper: pool claim refused, nothing was changed:
    C4 is staked by li (占坑)
  [4]
  $ hopper lead add --name 王总 --phone 139-0000-1111 -q
  routed to li: it matches C4, staked by them (占坑)
  L1
  $ hopper lead show L1 --json | jq -r .owner
  li
  $ hopper person add C4 --name 王总 --phone 13900001111 --as li -q
  P1
  $ hopper pool list --staked --json | jq -c '.[] | {ref, staked_by}'
  {"ref":"C3","staked_by":"li"}
  {"ref":"C4","staked_by":"li"}
  $ hopper --now 2026-11-25 pool recycle --json | jq -c '.released[]'
  {"days":8,"detail":"missing contact, phone","name":"丙贸易","owner":"li","ref":"C3","rule":"stake lapsed"}
  $ hopper pool list --staked -q
  C4

Locked customers and deals at or above exempt_probability are never recycled:

  $ hopper customer add 戊集团 --owner wang -q
  C5
  $ hopper customer lock C5 --as wang -q
  C5
  $ hopper customer add 己集团 --owner wang -q
  C6
  $ hopper opp add C6 --name 大单 --amount 100万 --stage negotiation --as wang --force --reason 'from the old CRM' -q
  O1
  $ hopper --now 2027-01-30 pool recycle --dry-run --json | jq -r '.released[] | "\(.ref) \(.rule)"'
  dry run: nothing was changed
  C1 no valid follow-up
  C2 no valid follow-up

The daily claim limit:

  $ sed -i 's/^daily_claim_limit = 20\b/daily_claim_limit = 2/' funnel.toml && grep ^daily_claim funnel.toml
  daily_claim_limit = 2
  $ hopper customer add 庚商行 --pool -q
  C7
  $ hopper pool claim C7 --as zhao
  hopper: pool claim refused, nothing was changed:
    zhao has claimed 2 today; 1 more would pass the daily limit of 2 ([pool] daily_claim_limit)
  [4]
  $ hopper pool status --json | jq -c '.rows[] | select(.rep == "zhao")'
  {"capacity":50,"claimed_today":2,"free":48,"held":2,"ref":"R4","rep":"zhao","staked":0}

after_release = "return-to-owner": a recycled customer goes back to its previous owner's queue.

  $ sed -i 's/^after_release = "open" /after_release = "return-to-owner" /' funnel.toml
  $ export HOPPER_NOW=2027-01-30T02:00
  $ hopper pool recycle -q
  C1
  C2
  $ hopper pool list --json | jq -c '.[] | select(.reserved_for) | {ref, previous_owner, reserved_for}'
  {"ref":"C1","previous_owner":"zhao","reserved_for":"zhao"}
  {"ref":"C2","previous_owner":"zhao","reserved_for":"zhao"}
  $ hopper pool claim C1 --as li
  hopper: pool claim refused, nothing was changed:
    C1 goes back to its previous owner zhao (after_release = return-to-owner)
  [4]
  $ hopper pool claim C1 --as zhao -q
  C1
