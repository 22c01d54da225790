#!/usr/bin/env bash
# tests/kill-loop.sh HOPPER [KILLS]: kill -9 the nightly pool recycle, a
# lead import, a lead import whose --rejects replaces a file, and a restore
# of an export, at varied moments, again and again. After every kill, doctor
# must be clean and the workspace a consistent prefix of the whole run (each
# customer owned as before or as the finished run leaves it, each release
# recorded once, an import all or nothing, a restore none or all); the input
# is never written, a rejects file is the one before or the whole new one,
# and nothing is left beside it; the next run completes it, and the end
# state equals that of a run never interrupted.
set -euo pipefail
hopper=$(realpath "${1:?usage: tests/kill-loop.sh HOPPER [KILLS]}")
kills=${2:-12}
here=$(dirname "$(realpath "$0")")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin
HOPPER=$hopper "$here/../bench/gen" 20000 "$dir/gen" >/dev/null
owners() { sqlite3 "$1/.hopper/hopper.db" "SELECT id || ':' || coalesce(owner_id, '-') FROM customer ORDER BY id"; }
recycled() { sqlite3 "$1/.hopper/hopper.db" "SELECT count(*), count(DISTINCT subject_id) FROM history WHERE cause = 'recycled' AND subject_kind = 'customer'"; }
leads() { sqlite3 "$1/.hopper/hopper.db" "SELECT count(*) FROM lead"; }
fail() { echo "kill-loop: $*" >&2; exit 1; }

cp -r "$dir/gen/ws" "$dir/reference"
"$hopper" -C "$dir/reference" pool recycle -q >/dev/null
"$hopper" -C "$dir/reference" lead import "$dir/gen/leads.csv" -q >/dev/null
owners "$dir/gen/ws" >"$dir/before"
owners "$dir/reference" >"$dir/after"
[ "$(recycled "$dir/reference" | cut -d'|' -f1)" -gt 0 ] || fail "the reference run recycled nothing; nothing is tested"

ws=$dir/gen/ws
RANDOM=7  # the same moments every run
check() {
  "$hopper" -C "$ws" doctor -q >/dev/null || fail "doctor is not clean after kill $1: $("$hopper" -C "$ws" doctor 2>&1)"
  owners "$ws" | paste -d' ' "$dir/before" "$dir/after" - |
    awk -v k="$1" '$3 != $1 && $3 != $2 { print "kill " k ": customer " $3 " is neither before (" $1 ") nor after (" $2 ")"; bad = 1 } END { exit bad }' ||
    fail "an owner is neither as before nor as after"
  read -r rows subjects < <(recycled "$ws" | tr '|' ' ')
  [ "$rows" = "$subjects" ] || fail "kill $1: a customer was recycled twice ($rows rows for $subjects customers)"
}
killed=0
for i in $(seq 1 "$kills"); do
  "$hopper" -C "$ws" pool recycle -q >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 400)))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  check "$i (recycle)"
done
"$hopper" -C "$ws" pool recycle -q >/dev/null
owners "$ws" | cmp -s - "$dir/after" || fail "after the kills, recycle ends elsewhere than an uninterrupted run"
[ "$(recycled "$ws")" = "$(recycled "$dir/reference")" ] || fail "recycle history differs from an uninterrupted run"

before_import=$(leads "$ws")
for i in $(seq 1 "$kills"); do
  "$hopper" -C "$ws" lead import "$dir/gen/leads.csv" -q >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 900)))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  "$hopper" -C "$ws" doctor -q >/dev/null || fail "doctor is not clean after import kill $i"
  n=$(leads "$ws")
  [ "$n" = "$before_import" ] || [ "$n" = "$(leads "$dir/reference")" ] ||
    fail "import kill $i left $n leads: neither none nor all of the file"
  [ "$n" = "$before_import" ] || break  # it finished before the kill
done
[ "$(leads "$ws")" = "$(leads "$dir/reference")" ] || "$hopper" -C "$ws" lead import "$dir/gen/leads.csv" -q >/dev/null
[ "$(leads "$ws")" = "$(leads "$dir/reference")" ] || fail "the import after the kills did not complete"
# An import whose --rejects replaces a file: every row of the input is now a
# duplicate or bad, so the import adds nothing and writes them all there.
input=$dir/with-bad-rows.csv
{ cat "$dir/gen/leads.csv"; for i in $(seq 1 50); do echo ",Bad firm $i,12,x@,E,fair"; done; } >"$input"
cp "$input" "$dir/input-as-it-was"
"$hopper" -C "$dir/reference" lead import "$input" --skip-invalid --rejects "$dir/reference-rejects.csv" -q 2>/dev/null
[ "$(wc -l <"$dir/reference-rejects.csv")" -gt 20000 ] || fail "the reference import rejected too little; nothing is tested"
mkdir "$dir/out" && echo "an earlier file" >"$dir/out/rejects.csv" && cp "$dir/out/rejects.csv" "$dir/earlier-rejects.csv"
for i in $(seq 1 "$kills"); do
  "$hopper" -C "$ws" lead import "$input" --skip-invalid --rejects "$dir/out/rejects.csv" --force -q >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 900)))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  "$hopper" -C "$ws" doctor -q >/dev/null || fail "doctor is not clean after rejects kill $i"
  cmp -s "$input" "$dir/input-as-it-was" || fail "rejects kill $i: the input was written"
  cmp -s "$dir/out/rejects.csv" "$dir/earlier-rejects.csv" || cmp -s "$dir/out/rejects.csv" "$dir/reference-rejects.csv" ||
    fail "rejects kill $i: the rejects file is neither the earlier one nor the whole new one"
  [ "$(ls -A "$dir/out")" = rejects.csv ] || fail "rejects kill $i left $(ls -A "$dir/out" | tr '\n' ' ')behind"
  [ "$(leads "$ws")" = "$(leads "$dir/reference")" ] || fail "rejects kill $i: the leads changed"
done

# A restore into a new workspace: as hopper init left it, or the whole export.
HOPPER=$hopper "$here/../bench/gen" 2000 "$dir/small" >/dev/null
"$hopper" -C "$dir/small/ws" export >"$dir/export.jsonl"
"$hopper" init "$dir/empty" -q >/dev/null
cp "$dir/small/ws/funnel.toml" "$dir/empty/funnel.toml"  # the export carries its rules: the same ones
records() { sqlite3 "$1/.hopper/hopper.db" "SELECT (SELECT count(*) FROM lead) + (SELECT count(*) FROM customer)"; }
for i in $(seq 1 "$kills"); do
  rm -rf "$dir/restored" && cp -r "$dir/empty" "$dir/restored"
  "$hopper" -C "$dir/restored" import "$dir/export.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "$((RANDOM % 2)).$(printf '%03d' $((RANDOM % 1000)))"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  "$hopper" -C "$dir/restored" doctor -q >/dev/null || fail "doctor is not clean after restore kill $i"
  [ "$(records "$dir/restored")" = 0 ] || "$hopper" -C "$dir/restored" export | cmp -s - "$dir/export.jsonl" ||
    fail "restore kill $i left part of the export"
done
"$hopper" -C "$dir/restored" import "$dir/export.jsonl" >/dev/null 2>&1 || [ "$(records "$dir/restored")" != 0 ]
"$hopper" -C "$dir/restored" export | cmp -s - "$dir/export.jsonl" || fail "the restore after the kills is not the export"
echo "kill-loop: $killed kills mid-run; doctor clean after each, end state equal to an uninterrupted run"
