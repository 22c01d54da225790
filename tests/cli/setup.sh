# Sourced by every .t: a fixed clock, no colour, and a fresh workspace "ws"
# with an admin, a manager and two reps.
export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1 LC_ALL=C.UTF-8
unset HOPPER_DIR
hopper init ws --as admin -q >/dev/null
cd ws
hopper rep add wang --team east --role manager -q >/dev/null
hopper rep add li --team east -q >/dev/null
hopper rep add zhao --team west -q >/dev/null
