Input at and past hopper's limits (hopper help limits): refused with exit 6
and a message naming the value, never a crash, a hang or a cut value.

  $ . "$TESTDIR/setup.sh"
  $ long() { head -c "$1" /dev/zero | tr '\0' "${2:-x}"; }

Every argument is at most 10,000 characters, whichever option carries it,
before any parsing (a 60,000-character value used to overflow the stack):

  $ hopper lead add --name A --email "$(long 60000)@x.com"
  hopper: the value of --email is 60006 characters long; at most 10000 fit (see hopper help limits)
  [6]
  $ hopper opp add C1 --name x --amount "$(long 60000 1)"
  hopper: the value of --amount is 60000 characters long; at most 10000 fit (see hopper help limits)
  [6]
  $ hopper lead list --name="$(long 10001)"
  hopper: the value of --name is 10008 characters long; at most 10000 fit (see hopper help limits)
  [6]
  $ hopper customer add "$(long 20000 中)"
  hopper: argument 3: byte 1 (0xE4) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ HOPPER_USER="$(long 20000)" hopper lead list
  hopper: $HOPPER_USER is 20000 characters long; at most 10000 fit (see hopper help limits)
  [6]

One-line values (names, companies, contacts, phones, emails, sources,
titles) keep at most 200 characters, on every path that writes them:

  $ hopper lead add --name "$(long 201)" --company "$(long 201)" --contact "$(long 201)" --phone "$(long 201 1)" --email "$(long 201)" --source "$(long 201)"
  hopper: lead add refused, nothing was written:
    --name is 201 characters long; at most 200 fit (see hopper help limits)
    --company is 201 characters long; at most 200 fit (see hopper help limits)
    --contact is 201 characters long; at most 200 fit (see hopper help limits)
    --phone is 201 characters long; at most 200 fit (see hopper help limits)
    --email is 201 characters long; at most 200 fit (see hopper help limits)
    --source is 201 characters long; at most 200 fit (see hopper help limits)
  [6]
  $ hopper lead add --name "$(long 200 张)" --company X --phone 13800000001 -q
  hopper: the value of --name: byte 1 (0xE5) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ hopper lead edit L1 --company "$(long 201 华)"
  hopper: the value of --company: byte 1 (0xE5) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ hopper customer add "$(long 201)"
  hopper: customer add refused, nothing was written:
    NAME is 201 characters long; at most 200 fit (see hopper help limits)
  [6]
  $ hopper customer add 华星 --owner li -q
  C1
  $ hopper customer edit C1 --phone "$(long 300 1)"
  hopper: customer edit C1 refused, nothing was written:
    --phone is 300 characters long; at most 200 fit (see hopper help limits)
  [6]
  $ hopper person add C1 --name "$(long 201)" --title "$(long 201)" --as li
  hopper: person add refused, nothing was written:
    --name is 201 characters long; at most 200 fit (see hopper help limits)
    --title is 201 characters long; at most 200 fit (see hopper help limits)
  [6]
  $ hopper opp add C1 --name "$(long 201)" --amount 1 --as li
  hopper: opp add refused, nothing was written:
    --name is 201 characters long; at most 200 fit (see hopper help limits)
  [6]

An imported value past 10,000 characters is a row problem like any other;
a one-line value past 200 is caught by the add path it goes through:

  $ { echo name,company,phone; echo "A,$(long 10001),13800000002"; echo "B,$(long 201),13800000003"; } > long.csv
  $ hopper lead import long.csv
  hopper: long.csv: 2 of 2 rows are invalid; nothing was imported:
    long.csv:2: company: is 10001 characters long; at most 10000 fit (see hopper help limits)
    long.csv:3: company: is 201 characters long; at most 200 fit (see hopper help limits)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]

A file that is one endless line, or a quote that never closes, stops at
4 MB instead of taking all memory:

  $ long 5000000 > oneline.csv
  $ hopper lead import oneline.csv
  hopper: oneline.csv:1: a line longer than 4 MB; is this a CSV or JSONL file?
  [6]
  $ line=$(long 1000); { echo name,company; echo 'A,"never closed'; for i in $(seq 1 5000); do echo "$line"; done; } > open.csv
  $ hopper lead import open.csv
  hopper: open.csv:2: a record longer than 4 MB; is a quote never closed?
  [6]

Text that is not UTF-8, in any argument or variable, names where it is
(it used to end in exit 1 from the JSON layer):

  $ hopper lead add --name "$(printf 'a\xffb')" --phone 13800000004
  hopper: the value of --name: byte 2 (0xFF) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ hopper log C1 --note="$(printf 'ok \xc0\x80')" --as li
  hopper: the value of --note: byte 4 (0xC0) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ hopper customer add "$(printf '\xed\xa0\x80')"
  hopper: argument 3: byte 1 (0xED) is not UTF-8; hopper reads text as UTF-8 (a GBK terminal or file needs converting: iconv -f GBK -t UTF-8)
  [6]
  $ HOPPER_USER="$(printf '\xff')" hopper lead list
  hopper: $HOPPER_USER is not UTF-8; set it to a name or date in UTF-8
  [6]

Amounts: at most a trillion per record; dates in the years 0001–9999,
whichever form reaches them:

  $ hopper opp add C1 --name x --amount 1000000000000.01 --as li
  hopper: opp add refused, nothing was written:
    --amount: invalid amount '1000000000000.01': more than 1,000,000,000,000, the most one record holds; use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元
  [6]
  $ hopper opp add C1 --name x --amount 1000000000000 --close +9999y --as li
  hopper: opp add refused, nothing was written:
    --close: '+9999y' is 12025-11-27, outside the years 0001–9999 hopper keeps
  [6]
  $ hopper opp add C1 --name x --amount 10000亿 --close -2026y --as li
  hopper: opp add refused, nothing was written:
    --close: '-2026y' is 0000-11-27, outside the years 0001–9999 hopper keeps
  [6]
  $ hopper opp add C1 --name x --amount 1 --close 0000-12-31 --as li
  hopper: opp add refused, nothing was written:
    --close: invalid date '0000-12-31': there is no year 0000: years run 0001 to 9999
  [6]
  $ hopper forecast --period 0000
  hopper: invalid period '0000': use 2017, 2017-08, 2017-Q3, a date, today, yesterday, or this-|last-|next- followed by week, month, quarter or year
  [6]
  $ hopper lead list --now 0000-01-01
  hopper: invalid time '0000-01-01': there is no year 0000: years run 0001 to 9999
  [6]
  $ hopper opp add C1 --name big --amount 1000000000000 --close 9999-12-31 --as li -q
  O1
  $ hopper reorder add C1 --product 纸 --every 11y --from 2027-01-01 --as li
  hopper: period '11y' is longer than ten years; use at most 3650d, 520w, 120m or 10y
  [6]
  $ hopper reorder add C1 --product 纸 --every 521w --from 2027-01-01 --as li
  hopper: period '521w' is longer than ten years; use at most 3650d, 520w, 120m or 10y
  [6]

Sums that would pass 64 bits are refused, not shown negative (two deals
put in by hand at 2^62 each; the top-seller ranking sums as a float):

  $ hopper opp add C1 --name twin --amount 1 --as li -q
  O2
  $ sqlite3 .hopper/hopper.db "UPDATE opportunity SET amount = 4611686018427387904, close_date = '9999-12-31'"
  $ hopper funnel report
  hopper: the amounts add up to more than hopper can count (92,233,720,368,547,758.07); look for mistyped amounts with hopper opp list --json
  [6]
  $ hopper forecast --period 9999
  hopper: the amounts add up to more than hopper can count (92,233,720,368,547,758.07); look for mistyped amounts with hopper opp list --json
  [6]
  $ sqlite3 .hopper/hopper.db "UPDATE opportunity SET status = 'won', closed_at = '2026-11-01T10:00:00'"
  $ hopper rep scorecard --period 2026
  hopper: the amounts add up to more than hopper can count (92,233,720,368,547,758.07); look for mistyped amounts with hopper opp list --json
  [6]
  $ hopper customer add 远航 --pool -q && hopper pool assign C2 --strategy top-seller
  C2
  C2\t远航\t\tSMB\t客户资源\tli\t\t\t\t (esc)
  $ hopper customer show C2 --json | grep '"owner"'
    "owner": "li",

--wait takes 0 to 3600 seconds:

  $ for w in -1 NaN inf 3000000; do hopper lead list --wait $w; echo "exit $?"; done
  hopper: --wait -1: use a number of seconds from 0 to 3600
  exit 6
  hopper: --wait nan: use a number of seconds from 0 to 3600
  exit 6
  hopper: --wait inf: use a number of seconds from 0 to 3600
  exit 6
  hopper: --wait 3000000: use a number of seconds from 0 to 3600
  exit 6

Patterns from funnel.toml run in linear time: a pattern that backtracks
for minutes in a backtracking engine answers at once:

  $ sed -i 's/^phone_pattern = .*/phone_pattern = '"'"'^(\\d+)+$'"'"'/' funnel.toml
  $ grep phone_pattern funnel.toml
  phone_pattern = '^(\d+)+$'
  $ timeout 5 hopper lead add --name B --company Y --phone "$(long 199 1)x" 2>&1 | cut -c1-40
  hopper: lead add refused, nothing was wr
    --phone '11111111111111111111111111111
