#!/usr/bin/env bash
# The docs cannot drift from the code. Fails when:
#   - docs/reference.md is not what `hopper help commands` generates;
#   - a command has no example in its --help, or docs/commands.md does not
#     describe it;
#   - a key src/config.cc reads is missing from docs/funnel-toml.md;
#   - a field some command prints with --json is missing from docs/json.md;
#   - groff warns about a man page;
#   - a command of docs/guide.md marked to run on the demo does not end as
#     its comment says (exit 0, or the "exit N" it names) on the demo
#     workspace at its own date.
# Usage: tests/docs/check.sh HOPPER [--fix]   (--fix rewrites docs/reference.md)
set -uo pipefail
hopper=$1
hopper_dir=$(cd "$(dirname "$hopper")" && pwd)  # on PATH for scripts that run hopper from elsewhere
root=$(cd "$(dirname "$0")/../.." && pwd)
docs=$root/docs
failed=0
problem() { echo "docs: $*" >&2; failed=1; }

[[ ${2-} == --fix ]] && "$hopper" help commands > "$docs/reference.md"
"$hopper" help commands | diff -u "$docs/reference.md" - >/dev/null ||
  problem "docs/reference.md differs from 'hopper help commands': run tests/docs/check.sh build/hopper --fix"

# The man pages read well: groff (groff-base, installed by scripts/test) has nothing to warn about.
if command -v groff > /dev/null; then
  for page in hopper.1 funnel.toml.5; do
    warnings=$("$hopper" help --man "$page" | groff -k -man -Tutf8 -ww -z 2>&1 | head -5)
    [ -z "$warnings" ] || problem "$page: groff warns: $warnings"
  done
else
  echo "docs: no groff: the man pages were not checked"
fi

# Every command: an example in its help, a row in docs/commands.md.
"$hopper" help commands | awk '
  /^##+ hopper / { if (path != "" && !noun && !example) print "noexample " path; path = substr($0, index($0, "hopper ") + 7); noun = 0; example = 0; next }
  /^Commands: / { noun = 1 }
  /Example: / { example = 1 }
  END { if (path != "" && !noun && !example) print "noexample " path }
  /^##+ hopper / {}' | while read -r _ path; do problem "hopper $path --help has no example"; done
"$hopper" help commands | sed -n 's/^##\+ hopper //p' | while read -r path; do
  grep -qF "\`$path" "$docs/commands.md" || problem "docs/commands.md does not describe 'hopper $path'"
done

# Every key of funnel.toml the code reads.
grep -oE '\b(string|integer|number|boolean|strings|table|tables|required_string)\((r, )?"[a-z_]+"' "$root/src/config.cc" |
  sed -E 's/.*"([a-z_]+)"/\1/' | sort -u | while read -r key; do
  grep -qE "^(### $key\b|##+ \[([a-z_]+\.)?$key\]|## \[\[([a-z_]+\.)?$key\]\])" "$docs/funnel-toml.md" ||
    problem "docs/funnel-toml.md has no entry for the key '$key'"
done

# Every field of every JSON output, from a workspace that has one of each.
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1
h() { "$hopper" -C "$ws/w" "$@"; }
{
  "$hopper" init "$ws/w" --as admin --template key-accounts
  h rep add li --team east
  h rep add wang --team east --role manager
  h lead add --name 张伟 --company 华星科技 --phone 13800138000 --email zw@example.com --grade A --owner li
  h lead add --name 王芳 --company 华星科技 --force --owner wang
  h --as li lead convert L1 --opp ERP --amount 30万 --close 2026-12-20
  h --as li log C1 '拜访客户，演示了报价系统' --type visit
  h --as li person add C1 --name 李娜 --title 财务总监
  h --as li todo add '发送实施计划' --due +2d --on C1
  h --as li reorder add C1 --product 耗材 --every 30d --from 2026-12-01
  h --as li opp add C1 --name 续约 --amount 5万 --pipeline S --close 2026-12-01
  h --as li opp win O2
  h customer add 远方贸易 --pool
  h --as li pool stake C2
} >/dev/null 2>&1 || problem "the JSON workspace could not be built"
# Inside history's before/after (stored columns) and fields (custom keys) the keys are data.
fields() {
  h "$@" --json 2>/dev/null |
    jq -r '[paths | .[:-1] as $up | select($up | all(. != "before" and . != "after" and . != "fields")) |
            map(strings) | last // empty] | unique[]'
}
{
  for cmd in "rep list" "rep scorecard" "lead list" "lead show L1" "customer list" "customer show C1" \
             "opp list --status all" "opp show O1" "pool list" "pool status" "pool report" "pool recycle --dry-run" \
             "funnel report" "funnel report --layers" "funnel conversion" "funnel velocity" "funnel health" \
             "forecast" "forecast --by month" "forecast --method historical" "forecast --method run-rate" \
             "agenda --rep li" "history" "todo list --rep li" "reorder list" "reorder run --dry-run" "conflict list" \
             "doctor"; do
    fields $cmd
  done
  printf 'name\n赵敏\n' > "$ws/leads.csv"
  fields lead import "$ws/leads.csv" --dry-run
} | sort -u | while read -r field; do
  # Keys that are data, not names: reps, grades, layers and custom fields
  # keying their own objects (holdings, by-grade counts, fields).
  case $field in li|wang|admin|rep_*|[A-D]) continue ;; esac
  "$hopper" -C "$ws/w" __complete layers 2>/dev/null | grep -qx -- "$field" && continue
  grep -qE "[\`\"]$field[\`\"]" "$docs/json.md" || problem "docs/json.md does not name the JSON field '$field'"
done

# The guide's examples on the demo (examples/demo) at its own date, in order:
# each block after a "<!-- runs on the demo" line, each line ending with exit 0
# or the "exit N" its comment names.
(
  export PATH="$hopper_dir:$PATH" HOPPER_USER=admin
  HOPPER_NOW=2026-11-20T18:00 "$hopper" init "$ws/demo" --name 'Demo Trading Co.' -q > /dev/null &&
    cd "$ws/demo" && bash "$root/examples/demo/load.sh" > /dev/null 2>&1
) || problem "the demo could not be loaded for the guide's examples"
awk '/^<!-- runs on the demo/ {marked = 1; next}
     marked && /^```sh/ {code = 1; next}
     code && /^```/ {code = 0; marked = 0; next}
     code' "$docs/guide.md" > "$ws/guide.sh"
[ -s "$ws/guide.sh" ] || problem "docs/guide.md marks no example to run on the demo"
(
  cd "$ws/demo" || exit 1
  export PATH="$hopper_dir:$PATH" HOPPER_NOW=2026-11-27T09:00
  wrong=0
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; export\ *) eval "$line"; continue ;; esac
    want=0
    [[ $line =~ \#\ exit\ ([0-9]+) ]] && want=${BASH_REMATCH[1]}
    eval "$line" > /dev/null 2> "$ws/guide.err" < /dev/null
    got=$?
    [ "$got" = "$want" ] && continue
    echo "docs: docs/guide.md: '$line' exits $got, not $want: $(head -2 "$ws/guide.err")" >&2
    wrong=1
  done < "$ws/guide.sh"
  exit $wrong
) || failed=1

exit $failed
