// SQLite's schema versions: the migrations in order, the audit triggers
// generated from the live columns, the duplicate keys recomputed.
#include "hopper/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "store/rows.h"
#include "store/sql_postgresql.h"
#include "store/sql_scripts.h"

namespace hopper {
using namespace rows;

// The event log is kept by triggers, so no command can forget it. They are
// generated from the live columns after each migration; the column names come
// from the schema, never from input. Rows are never deleted (SPEC: data is
// closed, released or cooled), and a trigger enforces that too.
void rows::install_audit_triggers(sql::Connection& db) {
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

std::string Store::migration_script(int version) { return sql::sqlite_migrations().at(version).text; }

void Store::rekey_duplicates() {
  auto leads = db_->prepare("SELECT id, company, phone, email FROM lead");
  auto lead_keys = db_->prepare("UPDATE lead SET company_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (leads->step()) {
    lead_keys->bind(1, leads->column(0).int64());
    lead_keys->bind(2, company_key(leads->column(1).text()));
    lead_keys->bind(3, normalize_phone(leads->column(2).text()));
    lead_keys->bind(4, normalize_email(leads->column(3).text()));
    lead_keys->exec();
    lead_keys->reset();
  }
  auto customers = db_->prepare("SELECT id, name, phone, email FROM customer");
  auto customer_keys = db_->prepare("UPDATE customer SET name_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (customers->step()) {
    customer_keys->bind(1, customers->column(0).int64());
    customer_keys->bind(2, normalize_company(customers->column(1).text()));
    customer_keys->bind(3, normalize_phone(customers->column(2).text()));
    customer_keys->bind(4, normalize_email(customers->column(3).text()));
    customer_keys->exec();
    customer_keys->reset();
  }
}

int Store::schema_version() {
  if (postgres_) return postgres_->schema_version();
  return static_cast<int>(db_->query_int("PRAGMA user_version"));
}

void Store::migrate(const std::filesystem::path& path, const EventStamp* stamp) {
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
  if (version == 0 && static_cast<int>(db_->query_int("SELECT count(*) FROM sqlite_schema")) > 0)
    throw Error(Exit::config, "the database holds tables but no hopper schema version (PRAGMA user_version is 0): it "
                              "is not a hopper database, or its version was reset by hand; restore a backup");
  if (version > 0) {  // with the database's own mode; an earlier copy is never overwritten
    auto backup = path;
    backup += fmt::format(".bak-v{}", version);
    for (int n = 2; std::filesystem::exists(backup); ++n) {
      backup = path;
      backup += fmt::format(".bak-v{}.{}", version, n);
    }
    backup_to(backup);
  }
  const auto& migrations = sql::sqlite_migrations();
  if (static_cast<int>(migrations.size()) != kSchemaVersion)
    throw std::logic_error("sql/sqlite/ holds a script per schema version");
  begin(true);
  try {
    // Without the audit triggers: a migration's own changes must not be
    // filed under the last user's event. They are installed anew after.
    for (const char* table : kAuditedTables)
      db_->exec(fmt::format("DROP TRIGGER IF EXISTS {0}_audit_insert; DROP TRIGGER IF EXISTS {0}_audit_update;", table));
    for (int v = version; v < kSchemaVersion; ++v) db_->exec(migrations[v].text);
    if (version > 0 && stamp) {  // the data a migration rewrites is filed under its own event
      EventStamp e = *stamp;
      e.argv = nlohmann::json({"migrate", fmt::format("schema {} to {}", version, kSchemaVersion)}).dump();
      begin_event(e);
      install_audit_triggers(*db_);
    }
    if (version > 0 && version < 6) rekey_duplicates();
    install_audit_triggers(*db_);
    db_->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

}  // namespace hopper
