#!/usr/bin/env bash
# The HTML reports as a manager's mail client shows them: headless Chromium
# renders each page, and the test checks what the rendered DOM says (the
# workspace, the period, the currency, the key figures, the chart titles,
# the empty state) and that a screenshot has something on it.
# Usage: tests/html/render.sh HOPPER   (exit 77, skipped, without chromium)
set -uo pipefail
hopper=$1
browser=$(command -v chromium || command -v chromium-browser) || { echo "no chromium: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin
h() { "$hopper" -C "$out/ws" "$@"; }
{
  "$hopper" init "$out/ws" --as admin
  sed -i '0,/^name = .*/s//name = "华星贸易 East"/' "$out/ws/funnel.toml"
  h rep add li --team east
  h customer add 华星科技有限公司 --owner li
  h customer add 远方贸易 --owner li
  h --as li opp add C1 --name 'ERP 升级' --amount 30万 --close 2026-12-20
  h --as li opp add C2 --name 续约 --amount 5万 --pipeline S --close 2026-12-05
} >/dev/null 2>&1 || { echo "render: the workspace could not be built"; exit 1; }

# render NAME ARGS…: the page, its rendered DOM and a screenshot.
render() {
  local name=$1
  shift
  h "$@" -o html > "$out/$name.html" || { echo "render: hopper $* failed"; failed=1; return; }
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$out/$name.html" \
    > "$out/$name.dom" 2>/dev/null
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --window-size=1000,1000 \
    --screenshot="$out/$name.png" "file://$out/$name.html" >/dev/null 2>&1
  local bytes
  bytes=$(stat -c %s "$out/$name.png" 2>/dev/null || echo 0)
  # A blank white page compresses to a few kilobytes; a chart and a table do not.
  [ "$bytes" -gt 15000 ] || { echo "render: $name.png is $bytes bytes: nothing was drawn"; failed=1; }
}
# expect NAME TEXT…: each TEXT is in the rendered DOM.
expect() {
  local name=$1 text
  shift
  for text in "$@"; do
    grep -qF -- "$text" "$out/$name.dom" || { echo "render: $name: '$text' is not on the page"; failed=1; }
  done
}

render funnel funnel report
expect funnel '<title>Funnel — 华星贸易 East</title>' 'amounts in CNY' 'as of 2026-11-27T09:00:00' \
  'Pipeline M — New business: open deals per stage' 'Pipeline S — Existing customers: open deals per stage' \
  '<th>AMOUNT (CNY)</th>' '>300,000<' '>350,000<' '>55,000<' '初步接触' '<svg'
render forecast forecast --period this-quarter
expect forecast 'method stage' '2026-Q4 (2026-10-01 – 2026-12-31)' 'Weighted value by month (CNY)' \
  '>ERP 升级<' '>30,000<' '>25,000<' '>55,000<' '<svg'
render nothing forecast --period 2030
expect nothing 'no open opportunity closes in 2030' 'closed (won) in 2030: 0 deals, 0'
grep -q '<svg' "$out/nothing.dom" && { echo "render: an empty forecast still draws a chart"; failed=1; }
render layers funnel report --layers
expect layers 'Customers per layer' '客户资源'
if [ $failed -ne 0 ] && [ -n "${KEEP:-}" ]; then cp -r "$out" "$KEEP"; fi
exit $failed
