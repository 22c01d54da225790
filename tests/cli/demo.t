The demo session of ./scripts/demo runs to its end in a fresh workspace.

  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1
  $ hopper init demo --template smb -q >/dev/null
  $ cd demo && bash "$TESTDIR/../../examples/demo-session.sh" > out.txt 2>&1; echo "exit $?"
  exit 0
  $ grep -c '^\$ hopper\|hopper ' out.txt | awk '$1 > 10 {print "many commands"}'
  many commands
  $ grep -o 'doctor' out.txt | head -1
  doctor
  $ hopper doctor -q > /dev/null; echo $?
  0
