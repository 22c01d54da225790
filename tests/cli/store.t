Where a workspace keeps its records: the SQLite file, or a PostgreSQL server
named by init --store, [store] url or HOPPER_STORE. No server is needed for
these: each is refused before one would be asked.

  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1
  $ unset HOPPER_STORE
  $ hopper init nowhere --store mysql://db/sales
  hopper: --store: 'mysql://db/sales' is not a server address: use postgresql://HOST/DATABASE or a libpq connection string such as 'service=team'
  [6]
  $ hopper init nowhere --store postgresql://boss:secret@db/sales
  hopper: --store: the address holds a password; leave it out (funnel.toml is shared) and let libpq find it in ~/.pgpass, PGPASSWORD or pg_service.conf
  [6]
  $ hopper init nowhere --store "host=db dbname=sales password=secret"
  hopper: --store: the address holds a password; leave it out (funnel.toml is shared) and let libpq find it in ~/.pgpass, PGPASSWORD or pg_service.conf
  [6]
  $ ls nowhere
  ls: cannot access 'nowhere': No such file or directory
  [2]

A server that is not there: exit 7, what to check, and no workspace left
half made.

  $ hopper init team --store "postgresql:///sales?host=$PWD/no-such-socket&connect_timeout=2" 2>&1 | sed 's/: connection to server[^;]*;/: …;/'
  hopper: cannot connect to the PostgreSQL server 'postgresql:///sales?host=*/no-such-socket&connect_timeout=2': …; check that the server runs and that [store] url, PGHOST, PGPORT, PGUSER or PGSERVICE name it, and that ~/.pgpass holds your password. Nothing was changed (glob)
  $ hopper init team --store "postgresql:///sales?host=$PWD/no-such-socket" >/dev/null 2>&1; echo "exit $?"; ls team
  exit 7
  ls: cannot access 'team': No such file or directory
  [2]

A file workspace pointed at a server by funnel.toml (a password there is
refused on its line), or for one run by HOPPER_STORE:

  $ hopper init ws -q >/dev/null && cd ws
  $ printf '\n[store]\nurl = "postgresql://boss:secret@db/sales"\n' >> funnel.toml
  $ hopper config check
  hopper: funnel.toml has 1 problem(s):
  funnel.toml:211:7: store.url: the address holds a password; leave it out (funnel.toml is shared) and let libpq find it in ~/.pgpass, PGPASSWORD or pg_service.conf
  [7]
  $ sed -i 's|boss:secret@db|db|; s|db/sales|db/sales?host=/no-such-socket|' funnel.toml
  $ hopper lead list 2>&1 | sed 's/: connection to server[^;]*;/: …;/'
  hopper: cannot connect to the PostgreSQL server 'postgresql://db/sales?host=/no-such-socket': …; check that the server runs and that [store] url, PGHOST, PGPORT, PGUSER or PGSERVICE name it, and that ~/.pgpass holds your password. Nothing was changed
  $ hopper lead list >/dev/null 2>&1; echo "exit $?"
  exit 7
  $ sed -i '/^\[store\]/,$d' funnel.toml
  $ HOPPER_STORE=sales hopper lead list
  hopper: HOPPER_STORE: 'sales' is not a server address: use postgresql://HOST/DATABASE or a libpq connection string such as 'service=team'
  [7]
  $ HOPPER_STORE="postgresql:///sales?host=/no-such-socket" hopper lead list >/dev/null 2>&1; echo "exit $?"
  exit 7
  $ hopper lead list
