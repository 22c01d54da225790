hopper log: follow-ups are stored even when they do not count (filler phrases, too short, a type that does not count).

  $ . "$TESTDIR/setup.sh"
  $ hopper customer add 华星科技 --as li -q
  C1
  $ hopper lead add --name 陈静 --phone 13912345678 --as li -q
  L1

A real follow-up:

  $ hopper log C1 '拜访客户，演示了报价系统，对方很感兴趣' --type visit --as li
  at\t2026-11-27T09:00:00 (esc)
  on\tC1 (esc)
  type\tvisit (esc)
  by\tli (esc)
  valid\tyes (esc)
  text\t拜访客户，演示了报价系统，对方很感兴趣 (esc)
  why invalid\t (esc)
  $ hopper log L2 'Called about the quote; meeting next Tuesday' --type call --as li -q
  hopper: no lead L2 (see hopper lead list)
  [3]
  $ hopper log L1 'Called about the quote; meeting next Tuesday' --type call --as li -q
  A2

Filler phrases, too-short text and wrong types are stored but flagged:

  $ hopper log C1 '继续跟进' --type call --as li -q
  logged, but not a valid follow-up: filler phrase only (继续跟进, 暂无意向, 保持互动); it does not reset the recycling clock
  A3
  $ hopper log C1 '继续跟进，保持互动！' --type call --as li -q
  logged, but not a valid follow-up: filler phrase only (继续跟进, 暂无意向, 保持互动); it does not reset the recycling clock
  A4
  $ hopper log C1 '客户说下周再谈' --type call --as li -q
  logged, but not a valid follow-up: too short: 7 characters, at least 8 needed; it does not reset the recycling clock
  A5
  $ hopper log C1 'wrote an internal memo about pricing' --as li -q
  logged, but not a valid follow-up: type 'note' is not a follow-up type (call, visit, meeting, email, demo, wechat); it does not reset the recycling clock
  A6
  $ hopper customer show C1 --json | jq -c '.followups[] | {type, valid, invalid_reason}'
  {"type":"visit","valid":true,"invalid_reason":null}
  {"type":"call","valid":false,"invalid_reason":"filler phrase only (继续跟进, 暂无意向, 保持互动)"}
  {"type":"call","valid":false,"invalid_reason":"filler phrase only (继续跟进, 暂无意向, 保持互动)"}
  {"type":"call","valid":false,"invalid_reason":"too short: 7 characters, at least 8 needed"}
  {"type":"note","valid":false,"invalid_reason":"type 'note' is not a follow-up type (call, visit, meeting, email, demo, wechat)"}

Only the owner (or a manager) logs:

  $ hopper log C1 '打电话确认了采购流程和预算' --type call --as zhao
  hopper: customer C1 belongs to li; a rep may change only their own records (ask a manager)
  [9]
  $ hopper log C1 '' --as li
  hopper: the follow-up text is empty; say what happened
  [6]
  $ hopper log P1 'hello there, a long note' --as li
  hopper: follow-ups are logged on leads (L…), customers (C…) and opportunities (O…), not on P1
  [6]
