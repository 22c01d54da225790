#!/usr/bin/env bash
# Loads the demo data set into the workspace in the current directory the way
# a team brings its spreadsheets in: reps by hand, then customers, leads and
# deals through hopper's import commands (each row checked as add checks it),
# then the follow-ups of half a year, logged back-dated with --at, and one
# nightly recycle. The data runs to 2026-11-20; ./scripts/demo reads it on
# 2026-11-27. Run by ./scripts/demo; regenerate the files with generate.py.
set -euo pipefail
data=$(cd "$(dirname "$0")" && pwd)
export HOPPER_NOW=2026-11-20T18:00 HOPPER_USER=admin
hopper rep add wang --team east --role manager -q
hopper rep add chen --team west --role manager -q
for rep in li zhang liu; do hopper rep add "$rep" --team east -q; done
for rep in zhao sun emily; do hopper rep add "$rep" --team west -q; done
hopper customer import "$data/customers.csv" -q
hopper lead import "$data/leads.csv" -q
hopper opp import "$data/opportunities.csv" -q
while IFS=$'\t' read -r rep ref at type text; do
  # Filler follow-ups are logged with a note on stderr; that is the point of them.
  hopper --as "$rep" log "$ref" "$text" --type "$type" --at "$at" -q 2>/dev/null ||
    { echo "load.sh: hopper could not log the follow-up of $ref at $at" >&2; exit 1; }
done < <(tail -n +2 "$data/followups.tsv")
# That night's cron job: customers without a valid follow-up go back to the pool.
HOPPER_NOW=2026-11-21T02:00 hopper pool recycle -q
