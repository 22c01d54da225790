Stored text cannot be used against the reader: terminal controls, bidi
overrides and newlines show escaped in tables, records, history and
messages; TSV and CSV neutralise formulas; Markdown escapes HTML. JSON
keeps the text exactly.

  $ . "$TESTDIR/setup.sh"
  $ evil=$(printf 'Acme\033[2J\033]0;pwned\007\rC9\n  fake\342\200\256gpj.exe')
  $ hopper customer add "$evil" --owner li -q
  C1
  $ hopper customer list --format table
  REF  NAME                                                  GRADE  SEGMENT  LAYER     OWNER  RELEASE IN  LOCKED
  C1   Acme\x1b[2J\x1b]0;pwned\x07\rC9\n  fake\u202egpj.exe  -      SMB      客户资源  li             15  no
  $ hopper customer show C1 --format table | head -2
  ref                C1
  name               Acme\x1b[2J\x1b]0;pwned\x07\rC9\n  fake\u202egpj.exe
  $ hopper customer list --format table | od -c | grep -c 033
  1
  $ hopper customer list --format md | tail -1
  | C1 | Acme\x1b[2J\x1b]0;pwned\x07\rC9<br>  fake\u202egpj.exe | - | SMB | 客户资源 | li | 15 | no |
  $ hopper customer list --json | jq -r '.[0].name' | od -c | sed -n 1p
  0000000   A   c   m   e 033   [   2   J 033   ]   0   ;   p   w   n   e
  $ hopper log C1 "$(printf 'called\033[1A\033[2Kall good')" --type call --as li -q
  A1
  $ hopper customer show C1 --format table | tail -1
  2026-11-27T09:00:00  C1  call  li  yes    called\x1b[1A\x1b[2Kall good  -
  $ hopper history C1 --format table | grep -o "hopper customer add.*"
  hopper customer add 'Acme\x1b[2J\x1b]0;pwned\x07\rC9\n  fake\u202egpj.exe' --owner li -q
  $ hopper customer edit C1 --phone "$(printf '1\0332')"
  hopper: customer edit C1 refused, nothing was written:
    --phone '1\x1b2' is not a valid phone number: '1\x1b2' (3 characters after removing spaces, dashes and +86) does not match ^1[3-9]\d{9}$ (lead.phone_pattern)
  [6]
  $ hopper customer add "$(printf '=1+cmd|x\033')" --pool -q
  C2
  $ hopper customer list --format tsv | cut -f2
  Acme\x1b[2J\x1b]0;pwned\x07 C9   fake\u202egpj.exe
  '=1+cmd|x\x1b
  $ hopper customer list --format csv | cut -d, -f2
  name
  "Acme\x1b[2J\x1b]0;pwned\x07\r (no-eol) (esc)
  C9
  
  '=1+cmd|x\x1b (esc)
  $ hopper customer add "<img src=x onerror=alert(1)>" --pool -q
  C3
  $ hopper customer list --format md | tail -1
  | C3 | &lt;img src=x onerror=alert(1)&gt; | - | SMB | 客户资源 | - | - | no |
