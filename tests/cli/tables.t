Tables as on a terminal ($HOPPER_FORCE_TTY=COLUMNS writes as on one that
wide; a real one is measured with TIOCGWINSZ): text columns give way to fit,
the widest first, and the ref, the amounts and the date stay whole.

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技有限公司北京分公司海淀区中关村大街营业部 --owner li -q
  C1
  $ hopper customer add 甲 --owner li -q
  C2
  $ hopper opp add C1 --name '企业资源计划系统升级项目第二期扩容与数据迁移服务' --amount 1234567.89 --close 2026-12-31 --owner li -q
  O1

  $ HOPPER_FORCE_TTY=200 hopper opp list
  REF  NAME                                              CUSTOMER                                          STAGE    AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  O1   企业资源计划系统升级项目第二期扩容与数据迁移服务  华星科技有限公司北京分公司海淀区中关村大街营业部  contact  1,234,567.89   10%      123,456.79  2026-12-31  li     open
  $ HOPPER_FORCE_TTY=100 hopper opp list
  REF  NAME        CUSTOMER     STAGE    AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  O1   企业资源…   华星科技有…  contact  1,234,567.89   10%      123,456.79  2026-12-31  li     open
  $ HOPPER_FORCE_TTY=92 hopper opp list
  REF  NAME    CUSTOM…  STAGE    AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  O1   企业…   华星科…  contact  1,234,567.89   10%      123,456.79  2026-12-31  li     open

Too narrow for the numbers and dates alone, the table wraps rather than
cut text for nothing:

  $ HOPPER_FORCE_TTY=60 hopper opp list
  REF  NAME                                              CUSTOMER                                          STAGE    AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  O1   企业资源计划系统升级项目第二期扩容与数据迁移服务  华星科技有限公司北京分公司海淀区中关村大街营业部  contact  1,234,567.89   10%      123,456.79  2026-12-31  li     open

Piped, nothing is cut, and a table is what was asked for:

  $ hopper opp list | cut -f2
  企业资源计划系统升级项目第二期扩容与数据迁移服务
  $ hopper opp list -o table | head -1
  REF  NAME                                              CUSTOMER                                          STAGE    AMOUNT (CNY)  PROB  WEIGHTED (CNY)  CLOSE       OWNER  STATUS
  $ HOPPER_FORCE_TTY=wide hopper opp list
  hopper: $HOPPER_FORCE_TTY is the width of the terminal to write for: a number of columns from 20 to 10000, such as 120
  [6]

A script is never asked for confirmation (stdin is not a terminal), even
with its output forced to look like one:

  $ HOPPER_FORCE_TTY=100 hopper customer abandon C2 --reason 'went quiet' -q < /dev/null
  C2
