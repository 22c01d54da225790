Destructive commands ask first on a terminal (driven here through
script(1), which gives hopper a pseudo-terminal; skipped where there are
none), never in a script.

  $ . "$TESTDIR/setup.sh"
  $ script -qec true /dev/null < /dev/null > /dev/null 2>&1 || exit 80  # no pseudo-terminals here: skipped
  $ tty() { script -qec "stty cols ${COLS:-200} -echo; $*" /dev/null | tr -d '\r'; }
  $ answer() { sleep 0.3; echo "$1"; }  # typed after the terminal stopped echoing
  $ hopper customer add 华星科技有限公司北京分公司海淀区中关村大街营业部 --owner li -q
  C1
  $ hopper customer add 甲 --owner li -q
  C2
  $ hopper opp add C1 --name '企业资源计划系统升级项目第二期扩容与数据迁移服务' --amount 1234567.89 --close 2026-12-31 --owner li -q
  O1

Answering anything but y changes nothing (exit 4); y goes ahead:

  $ answer n | tty hopper customer abandon C2 --reason "'went quiet'"
  hopper: Abandon C2: its owner lets it go and it cools before anyone may claim it. Go ahead? [y/N] hopper: not confirmed: nothing was changed (-y answers yes for scripts)
  $ hopper customer show C2 --json | jq -r .layer
  resource
  $ answer y | tty hopper customer abandon C2 --reason "'went quiet'" -q
  hopper: Abandon C2: its owner lets it go and it cools before anyone may claim it. Go ahead? [y/N] C2
  $ answer "" | tty hopper rep leave zhao --to wang
  hopper: zhao leaves: every customer, deal, lead and to-do of theirs goes to wang, and zhao can no longer act. Go ahead? [y/N] hopper: not confirmed: nothing was changed (-y answers yes for scripts)
  $ answer n | tty hopper pool recycle
  hopper: Release every customer that broke a pool rule to the shared pool now (hopper pool recycle --dry-run lists them)? [y/N] hopper: not confirmed: nothing was changed (-y answers yes for scripts)
  $ answer n | tty hopper config rename stage contact first_contact
  hopper: Move every record on stage 'contact' to 'first_contact' (--dry-run counts them first)? [y/N] hopper: not confirmed: nothing was changed (-y answers yes for scripts)

-y, --dry-run and a stdin that is not a terminal never ask:

  $ tty hopper rep leave zhao --to wang -y -q < /dev/null
  zhao left: 0 opportunities, 0 customers, 0 leads and 0 to-dos to wang; 0 customers to the shared pool
  R4
  $ tty hopper pool recycle --dry-run -q < /dev/null
  dry run: nothing was changed
  $ hopper customer abandon C1 --reason test --dry-run -q < /dev/null
  C1
  dry run: nothing was changed

