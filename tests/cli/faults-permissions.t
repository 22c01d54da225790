Faults of permissions (see faults.t for the others).

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星 -q
  C1

A database or folder the user may not write, a database they may not
read: exit 7 with what to check. Permissions do not bind root, so as root
these run as nobody; where nobody cannot run hopper at all (a container
whose libraries only root may read), the case is skipped.

  $ other=$(mktemp -d /tmp/hopper-faults.XXXXXX) && chmod 755 "$other" && cp "$(command -v hopper)" "$other/" && cp -r . "$other/ws"
  $ as_other() { if [ "$(id -u)" = 0 ]; then chown -R 65534 "$other/ws"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; echo "exit $?"; }
  $ cd "$other/ws"
  $ probe() { if [ "$(id -u)" = 0 ]; then chown -R 65534 "$other"; setpriv --reuid=65534 --regid=65534 --clear-groups ../hopper --version; else ../hopper --version; fi; }
  $ probe >/dev/null 2>&1 || { cd - >/dev/null; rm -rf "$other"; exit 80; }
  $ chmod 444 .hopper/hopper.db; as_other ../hopper customer add 远航; chmod 644 .hopper/hopper.db
  hopper: attempt to write a readonly database: you cannot write the workspace database or its folder .hopper/; check their owner and mode (ls -la .hopper), or run as the user who owns them. Nothing was changed
  exit 7
  $ chmod 555 .hopper; as_other ../hopper customer add 远航; chmod 755 .hopper
  hopper: attempt to write a readonly database: you cannot write the workspace database or its folder .hopper/; check their owner and mode (ls -la .hopper), or run as the user who owns them. Nothing was changed
  exit 7
  $ chmod 000 .hopper/hopper.db; as_other ../hopper customer list; chmod 644 .hopper/hopper.db
  hopper: unable to open database file: the workspace database cannot be opened: it must be a file you can read and write in a folder you can write (ls -la .hopper)
  exit 7
  $ as_other ../hopper customer list --format csv
  ref,name,grade,segment,layer_name,owner,release_in,locked\r (esc)
  C1,华星,,SMB,客户资源,admin,15,no\r (esc)
  exit 0

A workspace the user may only read (an archived one, another user's) is
read all the same, whether a writer has it open or not; a change then
fails as above:

  $ rm -f .hopper/hopper.db-wal .hopper/hopper.db-shm; chmod 444 .hopper/hopper.db; chmod 555 .hopper
  $ as_other ../hopper customer list --format csv
  ref,name,grade,segment,layer_name,owner,release_in,locked\r (esc)
  C1,华星,,SMB,客户资源,admin,15,no\r (esc)
  exit 0
  $ as_other ../hopper doctor -q
  exit 0
  $ as_other ../hopper customer add 远航
  hopper: attempt to write a readonly database: you cannot write the workspace database or its folder .hopper/; check their owner and mode (ls -la .hopper), or run as the user who owns them. Nothing was changed
  exit 7
  $ ls -A .hopper
  hopper.db
  $ chmod 755 .hopper; chmod 644 .hopper/hopper.db
  $ cd - >/dev/null && rm -rf "$other"
