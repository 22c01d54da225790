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
  hopper: the database schema is version 99, newer than this hopper knows (7); upgrade hopper
  exit 7
  $ sqlite3 .hopper/hopper.db "PRAGMA user_version = 7"

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
  9
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
