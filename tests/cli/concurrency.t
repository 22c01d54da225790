8 processes claim the same pool customers at once, 20 runs in a row:
each customer ends with exactly one owner, no rep passes capacity, and every
loser gets exit 4 (refused) — never a crash or exit 8 (busy).

  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin
  $ race() {
  >   rm -rf ws && hopper init ws --as admin -q >/dev/null && cd ws
  >   for r in 1 2 3 4 5 6 7 8; do hopper rep add r$r --capacity 2 -q >/dev/null; done
  >   for c in 1 2 3 4 5 6 7 8 9 10; do hopper customer add "Pool $c" --pool -q >/dev/null; done
  >   for r in 1 2 3 4 5 6 7 8; do
  >     (for c in $(shuf -e 1 2 3 4 5 6 7 8 9 10); do
  >        hopper pool claim C$c --as r$r >/dev/null 2>&1; echo $? >> codes
  >      done) &
  >   done
  >   wait
  >   sort -u codes | tr '\n' ' '
  >   sqlite3 .hopper/hopper.db "SELECT count(*) FROM customer WHERE owner_id IS NULL;
  >     SELECT count(*) FROM (SELECT owner_id FROM customer GROUP BY owner_id HAVING count(*) > 2);
  >     SELECT count(*) FROM history WHERE field = 'owner' AND reason = 'claimed';" | tr '\n' ' '
  >   hopper pool status --json | jq '[.rows[].held] | add'
  >   cd ..
  > }
  $ for run in $(seq 20); do race; done | sort | uniq -c
       20 0 4 0 0 10 10
