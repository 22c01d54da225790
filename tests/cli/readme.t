The README's five-minute tour runs as written: every line exits 0, except
those whose comment says `exit N`, which must exit N.

  $ export HOPPER_NOW=2026-11-27T09:00 NO_COLOR=1
  $ unset HOPPER_USER HOPPER_DIR
  $ awk '/## A five-minute tour/{f=1} f&&/^```sh/{g=1;next} g&&/^```/{exit} g' "$TESTDIR/../../README.md" > tour.sh
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
