#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "hopper/error.h"
#include "hopper/store.h"
#include "store/rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace hopper;
namespace fs = std::filesystem;

namespace {
struct TempDb {
  fs::path dir = fs::temp_directory_path() / ("hopper-store-test-" + std::to_string(::getpid()));
  TempDb() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDb() { fs::remove_all(dir); }
  fs::path path() const { return dir / "hopper.db"; }
};

Rep rep(const std::string& name) {
  Rep r;
  r.name = name;
  r.created_at = "2017-08-01T00:00:00";
  return r;
}
}  // namespace

TEST_CASE("a status formatted into a statement is its table's name as a SQL literal") {
  CHECK(rows::literal(kDealStatuses, DealStatus::won) == "'won'");
  CHECK(rows::literal(kLeadStatuses, LeadStatus::open) == "'open'");
  CHECK(rows::literal(kConflictStatuses, ConflictStatus::resolved) == "'resolved'");
  CHECK(rows::quoted("it's") == "'it''s'");
  CHECK(rows::quoted("") == "''");
}

TEST_CASE("a new database is private, current and empty") {
  TempDb t;
  Store store(t.path(), 1000, true);
  CHECK(store.schema_version() == Store::kSchemaVersion);
  struct stat st {};
  REQUIRE(::stat(t.path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(store.reps().empty());
}

TEST_CASE("a missing database is not created by accident") {
  TempDb t;
  CHECK_THROWS_AS(Store(t.path(), 1000, false), Error);
}

TEST_CASE("every insert and update is logged under its event, and nothing can be deleted") {
  TempDb t;
  Store store(t.path(), 1000, true);
  store.begin(true);
  store.begin_event({"2017-08-01T00:00:00", "admin", "[\"rep\",\"add\"]", "2026-11-29T08:00:00", "root"});
  Rep r = rep("li");
  r.id = store.insert_rep(r);
  r.team = "east";
  store.update_rep(r);
  store.update_rep(r);  // changes nothing: logs nothing
  store.commit();
  std::vector<ChangeEntry> changes;
  ChangeFilter one_rep;
  one_rep.subject = Ref{Kind::rep, r.id};
  store.each_change(one_rep, [&](const ChangeEntry& ch) { changes.push_back(ch); });
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].op == "update");
  CHECK(changes[0].before == R"({"team":""})");  // only what changed
  CHECK(changes[0].after == R"({"team":"east"})");
  CHECK(changes[1].op == "insert");
  CHECK(changes[1].after.empty());  // the row itself is the record
  CHECK(changes[1].actor == "admin");
  CHECK(changes[1].os_user == "root");  // beside --as, the OS account and the real time
  CHECK(changes[1].real_at == "2026-11-29T08:00:00");
}

TEST_CASE("a read transaction cannot write, and the next write transaction can") {
  TempDb t;
  Store store(t.path(), 1000, true);
  store.begin(false);
  CHECK_THROWS(store.insert_rep(rep("li")));
  store.rollback();
  store.begin(true);
  CHECK(store.insert_rep(rep("li")) > 0);
  store.commit();
}

TEST_CASE("duplicates are found by each key over open leads and customers") {
  TempDb t;
  Store store(t.path(), 1000, true);
  store.begin(true);
  Id owner = store.insert_rep(rep("li"));
  Customer c;
  c.name = "华星科技有限公司";
  c.segment = "SMB";
  c.layer = "resource";
  c.owner_id = owner;
  c.phone = "+86 138-0013-8000";
  c.created_at = "2017-08-01T00:00:00";
  Id cid = store.insert_customer(c);
  Lead l;
  l.name = "Anna";
  l.email = "Anna@Example.com";
  l.created_at = c.created_at;
  store.insert_lead(l);
  store.commit();

  auto by_phone = store.find_duplicates({"13800138000", "", ""}, std::nullopt);
  REQUIRE(by_phone.size() == 1);
  CHECK(by_phone[0].ref.id == cid);
  CHECK(by_phone[0].owner == "li");
  CHECK(by_phone[0].key == "phone");
  CHECK(store.find_duplicates({"", "", "华星科技"}, std::nullopt).size() == 1);
  CHECK(store.find_duplicates({"", "anna@example.com", ""}, std::nullopt).at(0).ref.kind == Kind::lead);
  CHECK(store.find_duplicates({"13800138000", "", ""}, Ref{Kind::customer, cid}).empty());
  CHECK(store.held_customers(owner, {}) == 1);
  CHECK(store.held_customers(owner, {"resource"}) == 0);
}

TEST_CASE("a newer schema is refused") {
  TempDb t;
  { Store store(t.path(), 1000, true); }
  {
    Store store(t.path(), 1000, false);
    (void)store;
  }
  // Bump the version behind hopper's back, as a newer release would.
  std::string cmd = "sqlite3 '" + t.path().string() + "' 'PRAGMA user_version = 99' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return;  // no sqlite3 shell: nothing to check
  try {
    Store store(t.path(), 1000, false);
    FAIL("opened a newer schema");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::config);
  }
}

TEST_CASE("an older schema is migrated forward after a backup") {
  TempDb t;
  {  // a version-1 database, as the first hopper left it
    SQLite::Database db(t.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(Store::migration_script(0));
    db.exec("INSERT INTO rep (name, role, created_at) VALUES ('li', 'rep', '2017-01-01T00:00:00')");
    db.exec("INSERT INTO customer (name, name_key, segment, layer, owner_id, created_at) "
            "VALUES ('Acme', 'acme', 'SMB', 'resource', 1, '2017-01-02T00:00:00')");
    db.exec("PRAGMA user_version = 1");
  }
  Store store(t.path(), 1000, false);
  CHECK(store.schema_version() == Store::kSchemaVersion);
  CHECK(fs::exists(t.dir / "hopper.db.bak-v1"));
  CHECK(store.opportunities({}).empty());
  CHECK(store.find_customer(1)->claimed_at == "2017-01-02T00:00:00");  // owned customers count as claimed
}

TEST_CASE("v4 types the causes of owner changes the earlier versions wrote as text") {
  TempDb t;
  {  // a version-3 database with the reasons hopper wrote before causes were typed
    SQLite::Database db(t.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 3; ++v) db.exec(Store::migration_script(v));
    db.exec("INSERT INTO event (at, actor, argv) VALUES ('2017-01-01T00:00:00', 'li', '[]')");
    const char* reasons[] = {"claimed", "released: moved abroad", "recycled: no valid follow-up (key accounts) (45 days)",
                             "assigned: top-seller", "zhao left; handed over to li", ""};
    for (const char* reason : reasons) {
      SQLite::Statement st(db, "INSERT INTO history (at, actor, subject_kind, subject_id, field, from_value, to_value, "
                               "reason, event_id) VALUES ('2017-01-01T00:00:00', 'li', 'customer', 1, 'owner', "
                               "'li', 'pool', ?, 1)");
      st.bind(1, reason);
      st.exec();
    }
    db.exec("PRAGMA user_version = 3");
  }
  Store store(t.path(), 1000, false);
  auto rows = store.history({Kind::customer, 1});
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].cause == Cause::claimed);
  CHECK(rows[1].cause == Cause::released);
  CHECK(rows[2].cause == Cause::recycled);
  CHECK(rows[2].rule == "no valid follow-up (key accounts)");  // the rule ends at the last " ("
  CHECK(rows[3].cause == Cause::assigned);
  CHECK(rows[4].cause == Cause::left);
  CHECK(rows[5].cause == Cause::edited);
}

TEST_CASE("v6 recomputes duplicate keys so that look-alike text matches, outside any user's event") {
  TempDb t;
  {  // a version-5 database with keys as hopper computed them before NFKC
    SQLite::Database db(t.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 5; ++v) db.exec(Store::migration_script(v));
    db.exec("INSERT INTO event (at, actor, argv) VALUES ('2017-01-01T00:00:00', 'li', '[\"last user command\"]')");
    db.exec("INSERT INTO rep (name, role, created_at) VALUES ('li', 'rep', '2017-01-01T00:00:00')");
    db.exec("INSERT INTO customer (name, name_key, segment, layer, owner_id, phone, phone_key, created_at) VALUES "
            "('Ａｃｍｅ', 'ａｃｍｅ', 'SMB', 'resource', 1, '１３８００１３８０００', '１３８００１３８０００', "
            "'2017-01-02T00:00:00')");
    db.exec("PRAGMA user_version = 5");
  }
  Store store(t.path(), 1000, false);
  CHECK(store.find_duplicates({"13800138000", "", ""}, std::nullopt).size() == 1);
  CHECK(store.find_duplicates({"", "", "acme"}, std::nullopt).size() == 1);
  CHECK(store.find_customer(1)->name == "Ａｃｍｅ");  // the stored text is as typed
  // The re-keying is no change of the last user's command.
  SQLite::Database db(t.path().string());
  CHECK(db.execAndGet("SELECT count(*) FROM event_change").getInt() == 0);
  struct stat backup {}, live {};
  ::stat((t.dir / "hopper.db.bak-v5").c_str(), &backup);
  ::stat(t.path().c_str(), &live);
  CHECK((backup.st_mode & 0777) == (live.st_mode & 0777));
}

TEST_CASE("a migration given a stamp files its changes under an event of its own") {
  TempDb t;
  {
    SQLite::Database db(t.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int v = 0; v < 5; ++v) db.exec(Store::migration_script(v));
    db.exec("INSERT INTO event (at, actor, argv) VALUES ('2017-01-01T00:00:00', 'li', '[\"last user command\"]')");
    db.exec("INSERT INTO rep (name, role, created_at) VALUES ('li', 'rep', '2017-01-01T00:00:00')");
    db.exec("INSERT INTO customer (name, name_key, segment, layer, owner_id, phone, phone_key, created_at) VALUES "
            "('Acme', 'acme', 'SMB', 'resource', 1, '１３８００１３８０００', '１３８００１３８０００', '2017-01-02T00:00:00')");
    db.exec("PRAGMA user_version = 5");
  }
  EventStamp stamp{"2026-11-27T09:00:00", "root", "", "2026-11-27T09:00:00", "root"};
  Store store(t.path(), 1000, false, false, &stamp);
  SQLite::Database db(t.path().string());
  CHECK(db.execAndGet("SELECT argv FROM event ORDER BY id DESC LIMIT 1").getString() ==
        fmt::format(R"(["migrate","schema 5 to {}"])", Store::kSchemaVersion));
  CHECK(db.execAndGet("SELECT count(*) FROM event_change WHERE event_id = 2 AND tbl = 'customer'").getInt() == 1);
  CHECK(db.execAndGet("SELECT count(*) FROM event_change WHERE event_id = 1").getInt() == 0);
}
