The README's tour from scratch runs as written: every line exits 0, except
those whose comment says `exit N`, which must exit N.

  $ export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1
  $ unset HOPPER_USER HOPPER_DIR
  $ awk '/## A tour from scratch/{f=1} f&&/^```sh/{g=1;next} g&&/^```/{exit} g' "$TESTDIR/../../README.md" > tour.sh
  $ grep -c hopper tour.sh
  35
  $ while IFS= read -r line; do
  >   [[ -z $line || $line == export\ PATH=* ]] && continue
  >   want=0; [[ $line =~ \#\ exit\ ([0-9]) ]] && want=${BASH_REMATCH[1]}
  >   eval "$line" >/dev/null 2>&1; got=$?
  >   [ "$got" = "$want" ] || echo "exit $got where the README says $want: $line"
  > done < tour.sh
  $ grep -o "no open opportunity closes in 2027-Q1" forecast.html
  no open opportunity closes in 2027-Q1

The demo part of the README works on the workspace ./scripts/demo builds:

  $ cd "$CRAMTMP" && mkdir demo-readme && cd demo-readme
  $ HOPPER_NOW=2026-11-20T18:00 hopper init build/demo --as admin -q > /dev/null
  $ (cd build/demo && HOPPER_USER=admin bash "$TESTDIR/../../examples/demo/load.sh" > /dev/null)
  $ awk '/## Five minutes with the demo/{f=1} f&&/^```sh/{g=1;next} g&&/^```/{exit} g' "$TESTDIR/../../README.md" > five.sh
  $ grep -c hopper five.sh
  6
  $ while IFS= read -r line; do
  >   [[ -z $line ]] && continue
  >   [[ $line == export\ PATH=* ]] && { eval "export ${line#export PATH=* }"; continue; }  # PATH is set already
  >   eval "$line" >/dev/null 2>&1 || echo "exit $? : $line"
  > done < five.sh
  $ echo "$HOPPER_USER"; grep -c '<svg' forecast.html
  wang
  1
