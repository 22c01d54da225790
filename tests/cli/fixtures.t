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
  v6: 6
  $ for v in v*; do hopper -C $v doctor -q >/dev/null && echo "$v: doctor clean, schema $(sqlite3 $v/.hopper/hopper.db 'PRAGMA user_version')"; done
  v1: doctor clean, schema 7
  v2: doctor clean, schema 7
  v3: doctor clean, schema 7
  v4: doctor clean, schema 7
  v5: doctor clean, schema 7
  v6: doctor clean, schema 7
  $ for v in v*; do echo "$v: $(ls $v/.hopper | grep bak)"; done
  v1: hopper.db.bak-v1
  v2: hopper.db.bak-v2
  v3: hopper.db.bak-v3
  v4: hopper.db.bak-v4
  v5: hopper.db.bak-v5
  v6: hopper.db.bak-v6
  $ for v in v*; do echo "$v: $(sqlite3 $v/.hopper/hopper.db "SELECT argv || ', by the OS account: ' || (actor = os_user) FROM event ORDER BY id DESC LIMIT 1")"; done
  v1: ["migrate","schema 1 to 7"], by the OS account: 1
  v2: ["migrate","schema 2 to 7"], by the OS account: 1
  v3: ["migrate","schema 3 to 7"], by the OS account: 1
  v4: ["migrate","schema 4 to 7"], by the OS account: 1
  v5: ["migrate","schema 5 to 7"], by the OS account: 1
  v6: ["migrate","schema 6 to 7"], by the OS account: 1
  $ for v in v*; do echo "$v: $(hopper -C $v opp list --format tsv | cut -f1,2 | tr '\t\n' ' ')"; done
  v1: 
  v2: O1 ERP 
  v3: O1 ERP 
  v4: O1 ERP 
  v5: O1 ERP 
  v6: O1 ERP 
  $ for v in v*; do echo "$v: $(hopper -C $v customer list --format tsv | cut -f1,2,6 | tr '\t\n' ' ')"; done
  v1: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v2: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v3: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v4: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v5: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  v6: C1 Ａｃｍｅ li C2 华星科技有限公司 li C3 远航物流  
  $ for v in v*; do echo "$v: $(hopper -C $v lead list --format tsv | cut -f1,2,7,8 | tr '\t\n' ' ')"; done
  v1: L1 张伟 li converted 
  v2: L1 张伟 li converted 
  v3: L1 张伟 li converted 
  v4: L1 张伟 li converted 
  v5: L1 张伟 li converted 
  v6: L1 张伟 li converted 

The look-alike customer name was re-keyed by the migration, so a plain
"Acme" is now its duplicate:

  $ for v in v*; do hopper -C $v customer add Acme --owner wang 2>&1 | sed -n 2p; done
    company acme is already C1 Ａｃｍｅ (owner li, layer 客户资源)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)
    company acme is already C1 Ａｃｍｅ (owner li, layer 意向)

Schema 7 keeps the security settings in the database: every migrated
workspace has the table, empty (funnel.toml alone speaks) until an admin
records strict mode:

  $ for v in v*; do echo "$v: $(sqlite3 $v/.hopper/hopper.db 'SELECT count(*) FROM security')"; done
  v1: 0
  v2: 0
  v3: 0
  v4: 0
  v5: 0
  v6: 0
  $ hopper -C v6 config strict on && sqlite3 v6/.hopper/hopper.db 'SELECT id, strict FROM security'
  1|1
