Each released schema's database, as that release of hopper left it
(tests/fixtures/vN, made by tests/fixtures/make.sh with that release),
opens in this hopper: copied aside, migrated forward, doctor clean, every
record readable, the migration in the log under an event of its own.

  $ export HOPPER_NOW=2026-11-27T09:00 HOPPER_USER=admin NO_COLOR=1 LC_ALL=C.UTF-8
  $ for ws in "$TESTDIR"/../fixtures/v*/; do v=$(basename "$ws"); cp -r "$ws" "$v"; done
  $ for v in v*; do echo "$v: $(sqlite3 $v/.hopper/hopper.db 'PRAGMA user_version')"; done
  v1: 1
  v2: 2
  v3: 3
  v4: 4
  v5: 5
  $ for v in v*; do hopper -C $v doctor -q >/dev/null && echo "$v: doctor clean, schema $(sqlite3 $v/.hopper/hopper.db 'PRAGMA user_version')"; done
  v1: doctor clean, schema 6
  v2: doctor clean, schema 6
  v3: doctor clean, schema 6
  v4: doctor clean, schema 6
  v5: doctor clean, schema 6
  $ for v in v*; do echo "$v: $(ls $v/.hopper | grep bak)"; done
  v1: hopper.db.bak-v1
  v2: hopper.db.bak-v2
  v3: hopper.db.bak-v3
  v4: hopper.db.bak-v4
  v5: hopper.db.bak-v5
  $ for v in v*; do echo "$v: $(hopper -C $v history --json | jq -r '.[0] | "\(.command), by the OS account: \(.actor == .os_user)"')"; done
  v1: hopper migrate 'schema 1 to 6', by the OS account: true
  v2: hopper migrate 'schema 2 to 6', by the OS account: true
  v3: hopper migrate 'schema 3 to 6', by the OS account: true
  v4: hopper migrate 'schema 4 to 6', by the OS account: true
  v5: hopper migrate 'schema 5 to 6', by the OS account: true
  $ for v in v*; do echo "$v: $(hopper -C $v opp list --format tsv | cut -f1,2 | tr '\t\n' ' ')"; done
  v1: 
  v2: O1 ERP 
  v3: O1 ERP 
  v4: O1 ERP 
  v5: O1 ERP 
  $ for v in v*; do echo "$v: $(hopper -C $v customer list --format tsv | cut -f1,2,6 | tr '\t\n' ' ')"; done
  v1: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v2: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v3: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v4: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v5: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  $ for v in v*; do echo "$v: $(hopper -C $v lead list --format tsv | cut -f1,2,7,8 | tr '\t\n' ' ')"; done
  v1: L1 张伟 li converted 
  v2: L1 张伟 li converted 
  v3: L1 张伟 li converted 
  v4: L1 张伟 li converted 
  v5: L1 张伟 li converted 

The look-alike customer name was re-keyed by the migration, so a plain
"Acme" is now its duplicate:

  $ for v in v*; do hopper -C $v customer add Acme --owner wang 2>&1 | sed -n 2p; done
    company acme is already C1 Ａｃｍｅ (owner li, layer 客户资源)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
