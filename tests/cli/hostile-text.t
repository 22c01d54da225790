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
  | C1 | Acme\x1b\[2J\x1b\]0;pwned\x07\rC9<br>  fake\u202egpj.exe | - | SMB | 客户资源 | li | 15 | no |
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

One rep's text cannot forge a line in another rep's terminal: error
messages keep their own lines and escape a newline inside any of them, in
a list of problems as in a one-line message, and so do notes:

  $ hopper customer add "$(printf 'Evil\nhopper: all good')" --phone 13900139000 --as li -q
  C4
  $ hopper customer add Other --phone 13900139000 --as zhao
  hopper: duplicate (撞单), nothing was written:
    phone 13900139000 is already C4 Evil\nhopper: all good (owner li, layer 客户资源)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper customer list --owner "$(printf 'nobody\nhopper: all good')"
  hopper: no rep named 'nobody\nhopper: all good' (see hopper rep list)
  [3]
  $ hopper "$(printf 'lead\nhopper: all good')"
  hopper: unknown command 'hopper lead\nhopper: all good' (hopper has: init, config, rep, lead, customer, person, log, conflict, opp, pool, funnel, forecast, todo, reorder, agenda, history, doctor, backup, export, import, help, completion)
  [2]
  $ hopper log C4 'visited the customer today' --type "$(printf 'chat\nhopper: all good')" --as li -q
  logged, but not a valid follow-up: type 'chat\nhopper: all good' is not a follow-up type (call, visit, meeting, email, demo, wechat); it does not reset the recycling clock
  A2

Names from funnel.toml are shown escaped by config show and in reports:

  $ cp funnel.toml good.toml
  $ sed -i 's/^name = "New business"/name = "New\\u001b[2J\\nhopper: all good\\u202eABC"/; 0,/^name = .*/s//name = "Sales\\u001b]0;pwned\\u0007"/' funnel.toml
  $ hopper config show | sed -n '1p;/^pipeline   M/p'
  workspace  Sales\x1b]0;pwned\x07 (CNY), fiscal year from month 1, weeks start monday
  pipeline   M New\x1b[2J\nhopper: all good\u202eABC, sequential
  $ hopper funnel report --format md | head -1
  ## Funnel — Sales\x1b]0;pwned\x07
  $ hopper config show --json | jq -r .workspace.name | od -c | sed -n 1p
  0000000   S   a   l   e   s 033   ]   0   ;   p   w   n   e   d  \a  \n
  $ cp good.toml funnel.toml

Markdown makes no link or image of stored text, and HTML escapes the
terminal controls a browser would ignore but `cat` would not:

  $ hopper customer add '![t](http://evil.example/x.png) [x](javascript:alert(1))' --pool -q
  C5
  $ hopper customer list --format md | tail -1
  | C5 | !\[t\](http://evil.example/x.png) \[x\](javascript:alert(1)) | - | SMB | 客户资源 | - | - | no |
  $ hopper customer list --format html | grep -c "$(printf '\033')"
  0
  [1]
  $ hopper customer list --format html | grep -A1 '<td>Acme'
  <tr><td>C1</td><td>Acme\x1b[2J\x1b]0;pwned\x07\rC9
    fake\u202egpj.exe</td><td>-</td><td>SMB</td><td>客户资源</td><td>li</td><td class="n">15</td><td>no</td></tr>

