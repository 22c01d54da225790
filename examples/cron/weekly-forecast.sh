#!/usr/bin/env bash
# The Monday report of SPEC §1, as a team runs it from cron:
#
#   0 8 * * 1  /opt/hopper/examples/cron/weekly-forecast.sh /srv/sales /srv/reports
#
# Writes next quarter's forecast and the current funnel as self-contained
# HTML pages (inline CSS and SVG, no scripts, nothing fetched) ready to mail,
# e.g. with: mail -a "$out/forecast.html" -s "Forecast" sales@example.com
set -euo pipefail
workspace=${1:?usage: weekly-forecast.sh WORKSPACE_DIR OUT_DIR}
out=${2:?usage: weekly-forecast.sh WORKSPACE_DIR OUT_DIR}
export HOPPER_USER=${HOPPER_USER:-admin}
hopper=${HOPPER:-hopper}
mkdir -p "$out"
"$hopper" -C "$workspace" forecast --period next-quarter --format html >"$out/forecast.html"
"$hopper" -C "$workspace" funnel report --format html >"$out/funnel.html"
"$hopper" -C "$workspace" forecast --period next-quarter --json >"$out/forecast.json"
echo "wrote $out/forecast.html, $out/funnel.html and $out/forecast.json"
