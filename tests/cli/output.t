Output that cannot be written is an error, never rows lost with exit 0:
a full disk, a closed stdout (exit 7, saying so). A write command whose
output cannot be written changes nothing. A reader that closes the pipe
early (head) chose to stop: hopper ends quietly, and a change is still
made whole, whenever the pipe closed.

  $ . "$TESTDIR/setup.sh"
  $ hopper lead add --name 张伟 --phone 13800138000 -q
  L1

Every kind of command, every format:

  $ hopper lead list --format csv > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]
  $ hopper history --format json > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]
  $ hopper lead show L1 >&-
  hopper: the output could not be written (stdout is closed); give it a file or a pipe
  [7]
  $ hopper export > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]
  $ hopper funnel report --format html > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]
  $ hopper help commands > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]
  $ hopper lead --help > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere
  [7]

A change whose output is lost is not made: the script that reads its ref
would never learn it, and a retry would add it twice.

  $ hopper lead add --name 王芳 --phone 13900139000 -q > /dev/full
  hopper: the output could not be written (No space left on device); free space, or send it elsewhere; nothing was changed
  [7]
  $ hopper lead add --name 王芳 --phone 13900139000 -q >&-
  hopper: the output could not be written (stdout is closed); give it a file or a pipe; nothing was changed
  [7]
  $ hopper lead list --json | jq -r '.[].name'
  张伟

A closed pipe: a read stops at once and quietly; a change is made whole.

  $ python3 -c "
  > print('name,phone')
  > for i in range(3000): print(f'客户{i},137{i:08d}')" > many.csv
  $ hopper lead import many.csv | true; echo "exit ${PIPESTATUS[0]}"
  exit 0
  $ hopper lead list --format tsv | head -1; echo "exit ${PIPESTATUS[0]}"
  L1\t张伟\t\t13800138000\t\t\tadmin\topen (esc)
  exit 0
  $ hopper lead list --json | jq length
  3001
  $ hopper history --format jsonl | head -c 10 >/dev/null; echo "exit ${PIPESTATUS[0]}"
  exit 0
