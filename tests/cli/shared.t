init --shared for a team on one machine: a second member of the group (another
uid) can write, creating the journal and WAL files itself. Skipped where the
test cannot become another uid.

  $ export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1
  $ hopper init team --shared --template key-accounts --as boss -q
  */team (glob)

  $ stat -c %a team/.hopper
  2770
  $ [ "$(id -u)" = 0 ] || exit 80  # only root can become another uid
  $ setpriv --reuid 4243 --regid 4242 --clear-groups "$(command -v hopper)" --version >/dev/null 2>&1 || exit 80  # a sandbox that hides the system from other uids
  $ chmod o+x "$CRAMTMP" . team
  $ chgrp -R 4242 team/.hopper && chmod g+r team/funnel.toml
  $ hopper -C team rep add li --as boss -q
  R2
  $ rm -f team/.hopper/hopper.db-wal team/.hopper/hopper.db-shm
  $ setpriv --reuid 4243 --regid 4242 --clear-groups env HOPPER_NOW=2026-11-28 "$(command -v hopper)" -C team customer add 华星 --as li -q
  C1
  $ stat -c '%a %g' team/.hopper/hopper.db
  660 4242
  $ setpriv --reuid 4244 --regid 4242 --clear-groups "$(command -v hopper)" -C team history --limit 1 --as li --json | jq -r '.[0] | "\(.actor) \(.os_user)"'
  … and 2 more; --all shows every row, --limit N the first N
  li uid 4243
