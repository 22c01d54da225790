# What ./scripts/demo shows, in a workspace loaded with examples/demo (half a
# year of a six-rep team): a rep's morning, then the manager's reports.
# Each line is what a person would type; HOPPER_NOW fixes the clock.
set -euo pipefail
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
run() { say "hopper $*"; hopper "$@" --format table; }
first() { local n=$1; shift; say "hopper $*   # the first $n lines"; hopper "$@" --format table | head -n "$n" || true; }
try() { say "hopper $*"; hopper "$@" --format table || echo "(exit $?)"; }
export HOPPER_NOW=2026-11-27T09:00

printf '\n\033[1m== li, a rep on the east team, starts the day ==\033[0m\n'
export HOPPER_USER=li
first 12 agenda
run log C155 '电话沟通了续约方案，客户同意下周上门拜访' --type call
try opp promote O194
run opp check O194 needs_analysis -q
run opp promote O194
try lead add --name 李总 --company 西安金桥建材国际 --phone 136-8630-3748
run lead convert L16 --opp 'CRM 实施' --amount 45万 --close +2m
run opp win O13 -q
run customer list --sort release --limit 5

printf '\n\033[1m== wang, the east team manager, reads the numbers ==\033[0m\n'
export HOPPER_USER=wang
run funnel report
run forecast --period next-quarter --by month
run funnel conversion --period last-month
run rep scorecard --period this-quarter
first 12 funnel health
run pool status
run pool recycle --dry-run
hopper forecast --period next-quarter --format html > forecast.html
hopper funnel report --format html > funnel.html
say "hopper forecast --period next-quarter --format html > forecast.html   # the page cron mails on Mondays"
echo "wrote $(pwd)/forecast.html and funnel.html: open them in a browser"
run doctor
