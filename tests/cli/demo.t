The demo of ./scripts/demo: the data set of examples/demo loads through the
import commands, and the session runs to its end with real shapes.

  $ export HOPPER_USER=admin NO_COLOR=1
  $ HOPPER_NOW=2026-11-20T18:00 hopper init demo --name 'Demo Trading Co.' --template smb -q >/dev/null
  $ cd demo && bash "$TESTDIR/../../examples/demo/load.sh" > /dev/null; echo "exit $?"
  exit 0
  $ export HOPPER_NOW=2026-11-27T09:00
  $ hopper customer list --all --json | jq 'length, (map(select(.owner == null)) | length)'
  180
  31
  $ hopper lead list --json | jq length
  320
  $ hopper opp list --status all --json | jq 'group_by(.status) | map({(.[0].status): length}) | add'
  {
    "lost": 38,
    "open": 124,
    "won": 65
  }
  $ hopper history --json | jq '[.[] | select((.reason // "") | startswith("recycled"))] | length'
  11
  $ bash "$TESTDIR/../../examples/demo-session.sh" > out.txt 2>&1; echo "exit $?"
  exit 0
  $ grep -c '^.\[1m\$ hopper' out.txt
  18
  $ ls forecast.html funnel.html
  forecast.html
  funnel.html
  $ hopper doctor -q > /dev/null; echo $?
  0
