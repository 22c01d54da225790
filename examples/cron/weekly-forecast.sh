#!/usr/bin/env bash
# The Monday report of SPEC §1, as a team runs it from cron:
#
#   0 8 * * 1  HOPPER_USER=boss /opt/hopper/examples/cron/weekly-forecast.sh /srv/sales /srv/reports
#
# Writes next quarter's forecast and the current funnel as self-contained
# HTML pages (inline CSS and SVG, no scripts, nothing fetched) ready to mail,
# e.g. with: mail -a "$out/forecast.html" -s "Forecast" sales@example.com
# It acts as HOPPER_USER, else as hopper's own default. When hopper fails,
# the script prints hopper's message and exit code and exits with that code;
# a report that failed is not left behind half written.
set -uo pipefail
workspace=${1:?usage: weekly-forecast.sh WORKSPACE_DIR OUT_DIR}
out=${2:?usage: weekly-forecast.sh WORKSPACE_DIR OUT_DIR}
hopper=${HOPPER:-hopper}
mkdir -p "$out" || exit 73

# Writes one report to a temporary file and moves it into place only whole.
report() {
  local file=$1 code
  shift
  "$hopper" -C "$workspace" "$@" >"$out/.$file.tmp"
  code=$?
  if [ "$code" -ne 0 ]; then
    rm -f "$out/.$file.tmp"
    echo "$(date -Is) hopper $* failed with exit $code (see hopper help exit-codes)" >&2
    exit "$code"
  fi
  mv "$out/.$file.tmp" "$out/$file"
}

report forecast.html forecast --period next-quarter --format html
report funnel.html funnel report --format html
report forecast.json forecast --period next-quarter --json
echo "wrote $out/forecast.html, $out/funnel.html and $out/forecast.json"
