Faults of the machine, not of hopper: a database that cannot be written,
opened or read, a full disk, a schema no hopper wrote. Each is exit 7 with
what to do, never exit 1, and the workspace is as it was.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星 -q
  C1

A schema version this binary cannot take: negative, reset to 0 over
tables, or newer than it knows:

  $ for v in -3 0 99; do sqlite3 .hopper/hopper.db "PRAGMA user_version = $v"; hopper customer list; echo "exit $?"; done
  hopper: the database says its schema is version -3, which no hopper ever wrote; the file was changed by hand: run hopper doctor, or restore a backup
  exit 7
  hopper: the database holds tables but no hopper schema version (PRAGMA user_version is 0): it is not a hopper database, or its version was reset by hand; restore a backup
  exit 7
  hopper: the database schema is version 99, newer than this hopper knows (6); upgrade hopper
  exit 7
  $ sqlite3 .hopper/hopper.db "PRAGMA user_version = 5"

A database that is a directory, or not a database at all:

  $ mv .hopper/hopper.db ../keep.db && mkdir .hopper/hopper.db
  $ hopper customer list
  hopper: unable to open database file: the workspace database cannot be opened: it must be a file you can read and write in a folder you can write (ls -la .hopper)
  [7]
  $ rmdir .hopper/hopper.db && head -c 20000 /dev/urandom > .hopper/hopper.db
  $ hopper customer list; hopper doctor
  hopper: file is not a database: the workspace database is damaged or not a database at all. Restore the last backup (hopper backup makes them) by copying it to .hopper/hopper.db; while the file still opens, hopper doctor shows what is wrong
  hopper: file is not a database: the workspace database is damaged or not a database at all. Restore the last backup (hopper backup makes them) by copying it to .hopper/hopper.db; while the file still opens, hopper doctor shows what is wrong
  [7]
  $ mv ../keep.db .hopper/hopper.db

A full disk (here a file-size limit, which fails writes the same way):
the command fails whole, and the next one finds everything intact:

  $ note=$(head -c 9000 /dev/zero | tr '\0' x)
  $ (ulimit -f 400; for i in $(seq 1 100); do hopper log C1 "$note" --type call -q >/dev/null || exit; done)
  hopper: disk I/O error: the database could not be read or written: the disk is full, a file-size limit was reached, or the disk failed. Free space and run the command again; nothing was changed
  [7]
  $ hopper doctor --json | grep -c '"ok"'
  8
  $ hopper customer show C1 --json | grep -c '"name"'
  1

init on a full disk leaves no half workspace behind:

  $ (ulimit -f 20; hopper init ../full)
  hopper: disk I/O error: the database could not be read or written: the disk is full, a file-size limit was reached, or the disk failed. Free space and run the command again; nothing was changed
  [7]
  $ ls ../full
  ls: cannot access '../full': No such file or directory
  [2]
  $ mkdir ../half && (ulimit -f 20; hopper init ../half -q); ls -A ../half
  hopper: disk I/O error: the database could not be read or written: the disk is full, a file-size limit was reached, or the disk failed. Free space and run the command again; nothing was changed

A database or folder the user may not write, a database they may not
read. Permissions do not bind root, so as root these run as nobody:

  $ other=$(mktemp -d /tmp/hopper-faults.XXXXXX) && chmod 755 "$other" && cp "$(command -v hopper)" "$other/" && cp -r . "$other/ws"
  $ as_other() { if [ "$(id -u)" = 0 ]; then chown -R 65534 "$other/ws"; setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; echo "exit $?"; }
  $ cd "$other/ws"
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
  $ cd - >/dev/null && rm -rf "$other"
