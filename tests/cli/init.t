hopper init: templates, discovery, refusals.

  $ export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1
  $ hopper init shop --as boss
  Created a hopper workspace in */shop (template smb); boss is its first admin. (glob)
  Next: edit funnel.toml, then 'hopper rep add NAME' and 'hopper lead add --name N'.
  $ ls -A shop shop/.hopper
  shop:
  .hopper
  funnel.toml
  
  shop/.hopper:
  hopper.db
  $ stat -c %a shop/.hopper/hopper.db
  600
  $ hopper -C shop rep list --as boss
  R1\tboss\t\tadmin\tyes\t50 (esc)

Init never overwrites:

  $ hopper init shop --as boss
  hopper: '*/shop' already holds a hopper workspace; init never overwrites one (glob)
  [7]
  $ hopper init team --shared --template key-accounts --as boss -q
  */team (glob)
  $ stat -c %a team/.hopper/hopper.db
  660
  $ grep -c 'name = "招投标"' team/funnel.toml
  1
  $ hopper init tiny --template minimal --as boss -q
  */tiny (glob)
  $ hopper init odd --template huge --as boss
  hopper: --template: huge not in {minimal,smb,key-accounts}; see hopper init --help
  [2]

A workspace is named after its directory, or as --name says: reports carry
the name in their heading.

  $ hopper -C shop config show --as boss | head -1
  workspace  shop (CNY), fiscal year from month 1, weeks start monday
  $ hopper -C tiny config show --as boss --json | jq -r .workspace.name
  tiny
  $ hopper init east --name '华星贸易 "East" Sales' --as boss -q
  */east (glob)
  $ hopper -C east forecast --as boss -o md | head -1
  ## Forecast — 华星贸易 "East" Sales
  $ mkdir west && cd west && hopper init --as boss -q && cd ..
  */west/. (glob)
  $ hopper -C west config show --as boss --json | jq -r .workspace.name
  west
  $ hopper init odd --name '' --as boss
  hopper: --name is empty: a workspace's name is one line of text
  [6]
  $ hopper init odd --name "$(printf 'a\033[2Jb')" --as boss
  hopper: --name holds control characters: a workspace's name is one line of text
  [6]
  $ ls odd
  ls: cannot access 'odd': No such file or directory
  [2]

Discovery: -C, HOPPER_DIR, then walking up from the current directory.

  $ hopper rep list --as boss
  hopper: not in a hopper workspace (no funnel.toml here or in any parent directory); run 'hopper init' to create one, or pass -C DIR
  [7]
  $ HOPPER_DIR=shop hopper rep list --as boss
  R1\tboss\t\tadmin\tyes\t50 (esc)
  $ HOPPER_DIR=nowhere hopper rep list --as boss
  hopper: HOPPER_DIR 'nowhere' holds no funnel.toml; run 'hopper init nowhere' to create a workspace
  [7]
  $ mkdir -p shop/notes/2026 && cd shop/notes/2026 && hopper rep list --as boss && cd - >/dev/null
  R1\tboss\t\tadmin\tyes\t50 (esc)

The acting user must be a rep:

  $ hopper -C shop rep list --as stranger
  hopper: 'stranger' is not a rep of this workspace; pass --as NAME or set HOPPER_USER (see hopper rep list; an admin adds reps with hopper rep add)
  [9]
  $ HOPPER_USER=boss hopper -C shop rep list -q
  R1

-C DIR inside a workspace walks up as `cd DIR` would; a missing directory says so:

  $ hopper -C shop/notes/2026 rep list --as boss -q
  R1
  $ hopper -C shop/nowhere rep list --as boss
  hopper: -C 'shop/nowhere' is not a directory
  [7]
  $ hopper -C / rep list --as boss
  hopper: -C '/' is not in a hopper workspace (no funnel.toml there or above); run 'hopper init /' to create one
  [7]

init --dry-run writes nothing, and still refuses what init would refuse:

  $ hopper init draft --as boss --dry-run
  would create */draft/funnel.toml and */draft/.hopper/hopper.db (template smb); boss would be its first admin (glob)
  dry run: nothing was changed
  $ ls draft
  ls: cannot access 'draft': No such file or directory
  [2]
  $ hopper init shop --as boss --dry-run
  hopper: '*/shop' already holds a hopper workspace; init never overwrites one (glob)
  [7]
