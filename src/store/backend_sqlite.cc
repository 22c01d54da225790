// The SQLite backend: a workspace's file. Its schema migrates through
// sql/sqlite/vN.sql with a copy of the file kept first; its audit triggers
// are generated from the live columns after each migration and restore.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "store/backend.h"
#include "store/lookups.h"
#include "store/rows.h"
#include "store/sql_scripts.h"
#include "store/sql_sqlite.h"

namespace hopper {
using namespace rows;

namespace {

// The event log is kept by triggers, so no command can forget it. They are
// generated from the live columns after each migration; the column names come
// from the schema, never from input. Rows are never deleted (data is closed,
// released or cooled, never deleted), and a trigger enforces that too.
void install_audit_triggers(sql::Connection& db) {
  for (const char* table : kAuditedTables) {
    // "SELECT 'col' AS k, OLD.col AS o, NEW.col AS n UNION ALL …" (a VALUES
    // list cannot name its columns inside a trigger); "OLD.a IS NOT NEW.a OR …"
    std::string columns, changed;
    auto cols = db.prepare("SELECT name FROM pragma_table_info(?)");
    cols->bind(1, table);
    while (cols->step()) {
      std::string c = cols->column(0).text();
      columns += columns.empty() ? fmt::format("SELECT '{}' AS k, OLD.{} AS o, NEW.{} AS n", c, c, c)
                                 : fmt::format(" UNION ALL SELECT '{}', OLD.{}, NEW.{}", c, c, c);
      changed += fmt::format("{}OLD.{} IS NOT NEW.{}", changed.empty() ? "" : " OR ", c, c);
    }
    // An insert logs no copy of the row (the row is the record, and its first
    // values follow from the updates after it); an update logs the columns
    // it changed, old and new, so the log stays a fraction of the data.
    db.exec(fmt::format(R"sql(
DROP TRIGGER IF EXISTS {0}_audit_insert;
DROP TRIGGER IF EXISTS {0}_audit_update;
DROP TRIGGER IF EXISTS {0}_never_delete;
CREATE TRIGGER {0}_audit_insert AFTER INSERT ON {0} BEGIN
  INSERT INTO event_change (event_id, tbl, row_id, op, before, after)
  VALUES ((SELECT event_id FROM current_event), '{0}', NEW.id, 'insert', NULL, NULL);
END;
CREATE TRIGGER {0}_audit_update AFTER UPDATE ON {0} WHEN {2} BEGIN
  INSERT INTO event_change (event_id, tbl, row_id, op, before, after)
  SELECT (SELECT event_id FROM current_event), '{0}', NEW.id, 'update',
         json_group_object(k, o), json_group_object(k, n)
  FROM ({1}) WHERE o IS NOT n;
END;
CREATE TRIGGER {0}_never_delete BEFORE DELETE ON {0} BEGIN
  SELECT RAISE(ABORT, 'hopper never deletes records');
END;
)sql",
                        table, columns, changed));
  }
}

// Recomputes every lead's and customer's duplicate keys (schema v6).
void rekey_duplicates(sql::Connection& db) {
  auto leads = db.prepare("SELECT id, company, phone, email FROM lead");
  auto lead_keys = db.prepare("UPDATE lead SET company_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (leads->step()) {
    lead_keys->bind(1, leads->column(0).int64());
    lead_keys->bind(2, company_key(leads->column(1).text()));
    lead_keys->bind(3, normalize_phone(leads->column(2).text()));
    lead_keys->bind(4, normalize_email(leads->column(3).text()));
    lead_keys->exec();
    lead_keys->reset();
  }
  auto customers = db.prepare("SELECT id, name, phone, email FROM customer");
  auto customer_keys = db.prepare("UPDATE customer SET name_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (customers->step()) {
    customer_keys->bind(1, customers->column(0).int64());
    customer_keys->bind(2, normalize_company(customers->column(1).text()));
    customer_keys->bind(3, normalize_phone(customers->column(2).text()));
    customer_keys->bind(4, normalize_email(customers->column(3).text()));
    customer_keys->exec();
    customer_keys->reset();
  }
}

class SqliteBackend final : public Backend {
 public:
  SqliteBackend(std::unique_ptr<sql::SqliteConnection> db, std::filesystem::path path)
      : Backend(std::move(db)), path_(std::move(path)) {}
  int schema_version() override { return static_cast<int>(db().query_int("PRAGMA user_version")); }
  void open(Store& store, bool create, const EventStamp* migration, const Confirm&) override;

  void begin(bool write) override {
    // A read command runs query-only, so a future read path cannot write by accident.
    db().exec(write ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON");
    // A write's statement journals are small and many (one per statement in
    // a long import): in memory, not a temp file. A read's big sorts may
    // still spill to disk.
    db().exec(write ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT");
    db().exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  // SQLite's advice for a closing connection: refresh the planner's
  // statistics where they are stale (analysis_limit keeps it quick at any
  // size), so scans of most of a table do not pick a narrow index.
  void closing(bool wrote) override {
    if (!wrote) return;
    try {
      forget_statements();
      db().exec("PRAGMA query_only = OFF; PRAGMA analysis_limit = 400; PRAGMA optimize");
    } catch (const sql::Failure&) {
      // Statistics are an optimisation; a busy or read-only file keeps the old ones.
    }
  }

  std::string current_event_sql() const override { return "(SELECT event_id FROM current_event)"; }
  void set_current_event(Id event) override {
    sql::Statement& current = statement(
        "INSERT INTO current_event (id, event_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id");
    if (!event) current.bind(1);  // a log with no event yet
    else current.bind(1, event);
    current.exec();
  }
  const char* set_event_outcome_sql() const override { return "UPDATE event SET outcome = ?1 WHERE id = ?2"; }
  const char* action_json_sql() const override { return "json_object('opportunity_id', opportunity_id, 'action', action)"; }
  const char* joined_reasons_sql() const override { return "group_concat(r.reason, '; ')"; }

  // No row-level security: the lookups as they are.
  std::string duplicate_lookup_sql() const override { return lookups::duplicates(); }
  std::string last_lost_at_sql() const override { return lookups::last_lost_at(); }

  std::vector<std::string> table_names() override {
    auto st = db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
    std::vector<std::string> names;
    while (st->step())
      if (std::string name = st->column(0).text(); name != "current_event" && name != "schema_version")
        names.push_back(name);
    return names;
  }
  std::vector<std::string> column_names(const std::string& table) override {
    auto st = db().prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    st->bind(1, table);
    std::vector<std::string> names;
    while (st->step()) names.push_back(st->column(0).text());
    return names;
  }
  std::string row_json_sql(const std::string& table) override {
    std::string object;  // names from the schema
    for (const auto& c : column_names(table)) object += fmt::format("{}'{}', \"{}\"", object.empty() ? "" : ", ", c, c);
    return "json_object(" + object + ")";
  }

  void begin_restore(const std::vector<std::string>& tables) override {
    db().exec("PRAGMA defer_foreign_keys = ON");
    for (const char* table : kAuditedTables)
      db().exec(fmt::format("DROP TRIGGER {0}_audit_insert; DROP TRIGGER {0}_audit_update; DROP TRIGGER {0}_never_delete",
                            table));
    for (const auto& table : tables) db().exec(fmt::format("DELETE FROM \"{}\"", table));
  }
  void restore_row(const std::string& table, const nlohmann::json& j) override {
    std::string columns, values;
    for (auto& [key, value] : j.items()) {
      columns += (columns.empty() ? "\"" : ", \"") + key + "\"";
      values += values.empty() ? "?" : ", ?";
    }
    sql::Statement& st = statement(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", table, columns, values));
    int i = 1;
    for (auto& [key, value] : j.items()) {
      if (value.is_null()) st.bind(i);
      else if (value.is_number_integer()) st.bind(i, value.get<std::int64_t>());
      else if (value.is_number()) st.bind(i, value.get<double>());
      else if (value.is_string()) st.bind(i, value.get<std::string>());
      else st.bind(i, value.dump());
      ++i;
    }
    try {
      st.exec();
    } catch (const sql::Failure& e) {
      refuse_restored(table, e);
    }
  }
  void end_restore(const std::vector<std::string>&) override { install_audit_triggers(db()); }

  bool supports_file_backup() const override { return true; }
  // SQLite's backup API: a consistent snapshot while others write, to a
  // new file with the database's mode.
  void backup_to(const std::filesystem::path& file) override {
    auto& sqlite = static_cast<sql::SqliteConnection&>(db());
    struct stat source {};
    if (::stat(sqlite.filename().c_str(), &source) != 0)
      throw Error(Exit::config, fmt::format("cannot read the mode of '{}'", sqlite.filename()));
    if (std::filesystem::exists(file))
      throw Error(Exit::config, fmt::format("'{}' exists; backup never overwrites: choose another name", file.string()));
    create_private_file(file, source.st_mode & 0777);  // a copy is as private as the original
    try {
      sqlite.backup_to(file);
    } catch (...) {
      std::error_code ec;
      std::filesystem::remove(file, ec);  // no half backup left behind
      throw;
    }
  }
  std::vector<std::string> integrity_problems(int limit) override {
    sql::Statement& st = statement("SELECT * FROM pragma_integrity_check(?)");
    st.bind(1, limit);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column(0).text());
    if (out.size() == 1 && out[0] == "ok") out.clear();
    return out;
  }
  bool checks_foreign_keys_on_write() const override { return false; }
  const char* foreign_keys_sql() const override {
    return R"sql(
SELECT m.name, f."from", f."table", coalesce(f."to", 'id')
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' ORDER BY m.name, f.id)sql";
  }

 private:
  std::filesystem::path path_;
};

// Migrates an older schema forward after copying the file to
// hopper.db.bak-vN; refuses a newer one.
void SqliteBackend::open(Store& store, bool, const EventStamp* stamp, const Confirm&) {
  constexpr int kSchemaVersion = Store::kSchemaVersion;
  int version = schema_version();
  if (version > kSchemaVersion)
    throw Error(Exit::config, fmt::format("the database schema is version {}, newer than this hopper knows ({}); "
                                          "upgrade hopper",
                                          version, kSchemaVersion));
  if (version == kSchemaVersion) return;
  if (version < 0)
    throw Error(Exit::config, fmt::format("the database says its schema is version {}, which no hopper ever wrote; the file "
                                          "was changed by hand: run hopper doctor, or restore a backup",
                                          version));
  if (version == 0 && static_cast<int>(db().query_int("SELECT count(*) FROM sqlite_schema")) > 0)
    throw Error(Exit::config, "the database holds tables but no hopper schema version (PRAGMA user_version is 0): it "
                              "is not a hopper database, or its version was reset by hand; restore a backup");
  if (version > 0) {  // with the database's own mode; an earlier copy is never overwritten
    auto backup = path_;
    backup += fmt::format(".bak-v{}", version);
    for (int n = 2; std::filesystem::exists(backup); ++n) {
      backup = path_;
      backup += fmt::format(".bak-v{}.{}", version, n);
    }
    backup_to(backup);
  }
  const auto& migrations = sql::sqlite_migrations();
  if (static_cast<int>(migrations.size()) != kSchemaVersion)
    throw std::logic_error("sql/sqlite/ holds a script per schema version");
  store.begin(true);
  try {
    // Without the audit triggers: a migration's own changes must not be
    // filed under the last user's event. They are installed anew after.
    for (const char* table : kAuditedTables)
      db().exec(fmt::format("DROP TRIGGER IF EXISTS {0}_audit_insert; DROP TRIGGER IF EXISTS {0}_audit_update;", table));
    for (int v = version; v < kSchemaVersion; ++v) db().exec(migrations[v].text);
    if (version > 0 && stamp) {  // the data a migration rewrites is filed under its own event
      EventStamp e = *stamp;
      e.argv = nlohmann::json({"migrate", fmt::format("schema {} to {}", version, kSchemaVersion)}).dump();
      store.begin_event(e);
      install_audit_triggers(db());
    }
    if (version > 0 && version < 6) rekey_duplicates(db());
    install_audit_triggers(db());
    db().exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
}

}  // namespace

std::unique_ptr<Backend> sqlite_backend(const std::filesystem::path& path, int busy_timeout_ms, bool create,
                                        bool shared) {
  if (!std::filesystem::exists(path)) {
    if (!create)
      throw Error(Exit::config, fmt::format("the workspace has no database at '{}'; run 'hopper init' to create one",
                                            path.string()));
    create_private_file(path, shared ? 0660 : 0600);
  }
  auto db = std::make_unique<sql::SqliteConnection>(path, busy_timeout_ms);
  db->exec("PRAGMA foreign_keys = ON");
  db->exec("PRAGMA journal_mode = WAL");
  db->exec("PRAGMA synchronous = NORMAL");
  // 32 MB of pages: a big import or report would otherwise spill the 2 MB
  // default to disk over and over; peak RSS stays well under 64 MB.
  db->exec("PRAGMA cache_size = -32768");
  return std::make_unique<SqliteBackend>(std::move(db), path);
}

}  // namespace hopper
