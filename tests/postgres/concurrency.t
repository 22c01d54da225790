Eight reps, each connected as their own PostgreSQL role, claim from the pool
at once on the server: every customer ends with one owner, nobody
passes capacity (4 each, 40 customers for 32 places), every loser gets exit
4 (refused: capacity) or 3 (the customer another rep just claimed is no
longer theirs to see) — never a crash, never exit 8 — and every claim is in
the event log, under its rep.

  $ . "$TESTDIR/setup.sh"
  $ for r in 1 2 3 4 5 6 7 8; do hopper rep add claimer$r --capacity 4 --as admin -q >/dev/null; done
  $ for c in $(seq 40); do hopper customer add "Pool $c" --pool --as admin -q >/dev/null; done
  $ unset HOPPER_NOW
  $ for r in 1 2 3 4 5 6 7 8; do
  >   (for c in $(shuf -e $(seq 40)); do
  >      PGUSER=claimer$r hopper pool claim C$c >/dev/null 2>&1; echo $? >> codes
  >    done) &
  > done
  $ wait
  $ grep -c '^0$' codes
  32
  $ grep -v '^[034]$' codes
  [1]
  $ psql -X -A -t -c "SELECT r.name, count(c.id) FROM hopper.rep r LEFT JOIN hopper.customer c ON c.owner_id = r.id
  >   WHERE r.name LIKE 'claimer%' GROUP BY r.name ORDER BY r.name"
  claimer1|4
  claimer2|4
  claimer3|4
  claimer4|4
  claimer5|4
  claimer6|4
  claimer7|4
  claimer8|4
  $ psql -X -A -t -c "SELECT count(*) FROM hopper.customer WHERE owner_id IS NULL"
  8

Each claim once in the history and once in the event log, by the rep who
made it (the event's actor is the connected role), and no claim twice:

  $ psql -X -A -t -c "SELECT count(*), count(DISTINCT subject_id), count(*) FILTER (WHERE actor = to_value)
  >   FROM hopper.history WHERE cause = 'claimed'"
  32|32|32
  $ psql -X -A -t -c "SELECT count(*) FROM hopper.event_change c JOIN hopper.event e ON e.id = c.event_id
  >   WHERE c.tbl = 'customer' AND c.op = 'update' AND c.after LIKE '%owner_id%'
  >     AND e.actor = (SELECT name FROM hopper.rep WHERE id = CAST(CAST(c.after AS json) ->> 'owner_id' AS bigint))"
  32
  $ hopper pool status --json --as admin | jq '[.rows[].held] | add'
  32
