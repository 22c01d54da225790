#!/usr/bin/env bash
# The nightly jobs of a workspace, as a team runs them from cron:
#
#   0 2 * * *  HOPPER_USER=boss /opt/hopper/examples/cron/nightly-recycle.sh /srv/sales >>/var/log/hopper-nightly.log 2>&1
#
# 1. pool recycle (seed 004's 掉保): releases every customer a [[pool.rule]]
#    says is due and lapses stakes whose profile was not completed in time;
# 2. reorder run (seed 000): makes the to-do of every reorder cycle come due.
# It appends one JSON line per run to .hopper/nightly.jsonl. Running it twice
# the same day changes nothing the second time. It acts as HOPPER_USER (a
# manager or admin), else as hopper's own default (default_user in
# funnel.toml, else the OS account). When hopper fails, the script prints
# hopper's message and exit code and exits with that code, so cron mails it.
set -uo pipefail
workspace=${1:?usage: nightly-recycle.sh WORKSPACE_DIR}
hopper=${HOPPER:-hopper}

fail() {
  local code=$1 what=$2
  echo "$(date -Is) $what failed with exit $code (see hopper help exit-codes)" >&2
  exit "$code"
}

recycled=$("$hopper" -C "$workspace" pool recycle --json) || fail $? "hopper pool recycle"
reorders=$("$hopper" -C "$workspace" reorder run --json) || fail $? "hopper reorder run"
jq -c --arg at "$(date -Is)" --argjson todos "$reorders" '{at: $at} + . + {reorder_todos: $todos}' <<<"$recycled" \
  >>"$workspace/.hopper/nightly.jsonl" || fail $? "writing .hopper/nightly.jsonl"
echo "$(date -Is) released $(jq '.released | length' <<<"$recycled") customer(s), made $(jq length <<<"$reorders") reorder to-do(s)"
