#!/usr/bin/env bash
# The nightly pool recycling (掉保) of seed 004, as a team runs it from cron:
#
#   0 2 * * *  /opt/hopper/examples/cron/nightly-recycle.sh /srv/sales >>/var/log/hopper-recycle.log 2>&1
#
# It releases every customer a [[pool.rule]] says is due and lapses stakes
# whose profile was not completed in time, then appends one JSON line per run
# to .hopper/recycle.jsonl. Running it twice the same day releases nothing the
# second time. It acts as the workspace's admin (HOPPER_USER, default "admin").
set -euo pipefail
workspace=${1:?usage: nightly-recycle.sh WORKSPACE_DIR}
export HOPPER_USER=${HOPPER_USER:-admin}
hopper=${HOPPER:-hopper}

if ! out=$("$hopper" -C "$workspace" pool recycle --json); then
  code=$?
  echo "$(date -Is) hopper pool recycle failed with exit $code (see hopper help exit-codes)" >&2
  exit "$code"
fi
jq -c --arg at "$(date -Is)" '{at: $at} + .' <<<"$out" >>"$workspace/.hopper/recycle.jsonl"
echo "$(date -Is) released $(jq '.released | length' <<<"$out") customer(s)"
