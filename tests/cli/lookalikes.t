Duplicates cannot be dodged with look-alike text: phones, emails, companies
and customer names compare after Unicode NFKC, without zero-width or bidi
characters, on every path that adds a record. Stored text keeps what was
typed.

  $ . "$TESTDIR/setup.sh"
  $ hopper lead add --name 张伟 --company 华星科技有限公司 --phone 13800138000 --email anna@example.com --as li -q
  L1
  $ hopper lead add --name 张伟 --phone １３８－００１３－８０００ --as zhao
  hopper: duplicate (撞单), nothing was written:
    phone 13800138000 is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name 张伟 --phone "$(printf '138\u200b0013\u200d8000')" --as zhao
  hopper: duplicate (撞单), nothing was written:
    phone 13800138000 is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name 张伟 --email ａｎｎａ@ｅｘａｍｐｌｅ.com --as zhao
  hopper: duplicate (撞单), nothing was written:
    email anna@example.com is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper lead add --name 张伟 --company "$(printf '华\u200b星科技')" --as zhao
  hopper: duplicate (撞单), nothing was written:
    company 华星科技 is already L1 张伟 (owner li, open lead)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ hopper customer add "$(printf 'Ａｃｍｅ\u202e')" --owner li -q
  C1
  $ hopper customer add "ACME Co., Ltd." --owner zhao
  hopper: duplicate (撞单), nothing was written:
    company acme is already C1 Ａｃｍｅ\u202e (owner li, layer 客户资源)
  add --force to add it anyway and open a conflict for a manager (hopper conflict list)
  [5]
  $ printf 'name,phone\n王五,+８６ 138 0013 8000\n' > look.csv
  $ hopper lead import look.csv --as zhao
  hopper: look.csv: 1 of 1 rows is invalid; nothing was imported:
    look.csv:2: phone: phone 13800138000 is already L1 张伟 (owner li) (--on-duplicate skip|update)
  fix them, or import the good rows with --skip-invalid --rejects FILE
  [6]
  $ hopper lead add --name 李四 --phone １３９００１３９０００ --as zhao -q
  L2
  $ hopper lead show L2 --json | jq -r .phone
  １３９００１３９０００
