# A day in a small sales team, run by scripts/demo inside a fresh workspace.
# Each line is what a person would type; HOPPER_NOW fixes the clock.
set -euo pipefail
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
run() { say "hopper $*"; hopper "$@" --format table; }
quiet() { hopper "$@" >/dev/null; }

quiet rep add wang --team east --role manager
quiet rep add li --team east --capacity 30
quiet rep add zhao --team west
quiet lead add --name 张伟 --company 华星科技有限公司 --phone 138-0013-8000 --source 展会 --grade A --owner li
quiet lead add --name "Anna Berg" --company "Nordlicht GmbH" --email anna@nordlicht.de --source web --grade B --owner zhao
quiet lead add --name 陈静 --company 远航物流股份有限公司 --phone 13912345678 --source 转介绍 --grade C --owner li
quiet customer add 北京云栖软件有限公司 --grade A --segment KA --owner li --contact 刘洋 --phone 13700001111 --set industry=软件
quiet customer add "Blue Harbor Trading Co., Ltd." --grade B --owner zhao --email info@blueharbor.com
quiet customer add 杭州青禾贸易 --grade C --pool
quiet --as li lead convert L1
quiet --as li log C1 '拜访客户，演示了报价系统，对方 CTO 很感兴趣' --type visit
quiet --as li opp add C1 --name 'ERP 升级' --amount 1,000,000 --close 2026-12-31
quiet --as wang opp add C4 --name 监控平台 --amount 30万 --stage negotiation --close 2026-12-20 --force --reason '从旧系统迁入'
quiet --as li opp check O1 needs_analysis
quiet --as li opp promote O1
quiet --as li opp promote O1
quiet --as zhao opp add C2 --name 'Fleet tracking' --amount 1.5m --pipeline S --close 2027-02-28
quiet --as zhao opp add C2 --name 'Spare parts' --amount 80k --pipeline S --stage order --close 2026-12-05
quiet --as zhao opp prob O4 95
quiet --as li reorder add C1 --product 云服务续费 --every 1m --from 2026-11-30 --remind 5

run rep list
run lead list
run customer list
say "hopper --as li log C4 '继续跟进'        # a filler phrase is stored but does not count"
hopper --as li log C4 '继续跟进' --type call --format table
say "hopper lead add --name 王芳 --phone 12345    # bad input changes nothing"
hopper lead add --name 王芳 --phone 12345 || echo "(exit $?)"
say "hopper lead add --name 刘总 --company 华星科技 --phone 13800138000   # 撞单"
hopper lead add --name 刘总 --company 华星科技 --phone 13800138000 || echo "(exit $?)"
say "hopper --as li opp promote O1   # a stage gate"
hopper --as li opp promote O1 || echo "(exit $?)"
run opp list --sort weighted
run --as li agenda
run funnel report
run forecast --by month --period this-year
run forecast
run customer show C4
run history --limit 8
run doctor
