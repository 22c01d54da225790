// The PostgreSQL backend: a workspace a team shares on a server. Its schema,
// audit triggers, roles and policies are the scripts of sql/postgresql/,
// moved forward by versioned migrations; lookups that must see past
// row-level security are SECURITY DEFINER functions there.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "store/backend.h"
#include "store/sql_postgresql.h"
#include "store/sql_scripts.h"

namespace hopper {

namespace {

class PostgresBackend final : public Backend {
 public:
  explicit PostgresBackend(std::unique_ptr<sql::PostgresConnection> db) : Backend(std::move(db)) {}
  sql::PostgresConnection& pg() { return static_cast<sql::PostgresConnection&>(db()); }

  int schema_version() override { return pg().schema_version(); }
  void open(Store& store, bool create, const EventStamp* migration, const Confirm& confirm) override;
  std::optional<ServerSession> server_session() override {
    auto st = db().prepare(R"sql(
SELECT current_user, to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS'),
       pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'hopper'), 'MEMBER'))sql");
    st->step();
    return ServerSession{st->column(0).text(), st->column(1).text(), st->column(2).int64() != 0};
  }

  void begin(bool write) override { pg().begin(write); }
  void committed() override { pg().forget_ids_mark(); }
  void rolling_back() override {
    pg().copy_abort();
    if (!pg().in_transaction()) return;
    try {
      pg().restore_all_ids();
    } catch (const sql::Failure&) {
      // An aborted transaction refuses the reset: the ids keep a gap, nothing worse.
    }
  }
  void savepoint_set() override { pg().mark_ids(); }
  void savepoint_released() override { pg().forget_ids_mark(); }
  void savepoint_rolled_back() override { pg().restore_ids(); }

  // A setting of the transaction: sessions write at once on a server.
  std::string current_event_sql() const override {
    return "CAST(nullif(current_setting('hopper.event', true), '') AS bigint)";
  }
  void set_current_event(Id event) override {
    sql::Statement& current = statement("SELECT set_config('hopper.event', ?, true)");
    current.bind(1, event ? std::to_string(event) : std::string());
    current.exec();
  }
  // The log is append-only for reps: a function may set the outcome of the
  // session's own event, nothing else.
  const char* set_event_outcome_sql() const override { return "SELECT set_event_outcome(?2, ?1)"; }
  const char* action_json_sql() const override {
    return R"('{"opportunity_id":' || opportunity_id || ',"action":' || to_json(action) || '}')";
  }
  const char* joined_reasons_sql() const override { return "string_agg(r.reason, '; ' ORDER BY r.first)"; }

  // Past the policies: a rep's duplicate may be another's record, and the
  // release that starts a cooldown another's event. The functions run the
  // lookups of lookups.h (security.sql).
  std::string duplicate_lookup_sql() const override {
    return "SELECT * FROM duplicates(:phone_key, :email_key, :company_key, :except_kind, :except_id) ORDER BY kind, id";
  }
  std::string last_lost_at_sql() const override { return "SELECT last_lost_at(:customer, :rep)"; }

  void check_rep_name(const std::string& name) const override {
    if (name.size() > 63)
      throw Error(Exit::invalid, fmt::format("'{}' is {} bytes long; on a server a rep is a PostgreSQL role, whose "
                                             "name is at most 63 bytes",
                                             name, name.size()));
  }
  void rep_added(const std::string& name) override {
    sql::Statement& role = statement("SELECT map_role(?)");
    role.bind(1, name);
    role.exec();
  }

  std::vector<std::string> table_names() override {
    auto st = db().prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = 'hopper' "
                           "AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"");
    std::vector<std::string> names;
    while (st->step())
      if (std::string name = st->column(0).text(); name != "current_event" && name != "schema_version")
        names.push_back(name);
    return names;
  }
  std::vector<std::string> column_names(const std::string& table) override {
    auto st = db().prepare("SELECT column_name FROM information_schema.columns WHERE table_schema = 'hopper' "
                           "AND table_name = ? ORDER BY ordinal_position");
    st->bind(1, table);
    std::vector<std::string> names;
    while (st->step()) names.push_back(st->column(0).text());
    return names;
  }
  std::string row_json_sql(const std::string& table) override { return fmt::format("row_to_json(\"{}\")", table); }

  void begin_restore(const std::vector<std::string>& tables) override {
    std::string list;
    for (const auto& table : tables) {  // the tables' owner's right: others are refused (exit 9)
      db().exec(fmt::format("ALTER TABLE \"{}\" DISABLE TRIGGER USER", table));
      list += (list.empty() ? "\"" : ", \"") + table + "\"";
    }
    db().exec("TRUNCATE " + list);  // all at once: no foreign key is left dangling
    db().exec("SET CONSTRAINTS ALL DEFERRED");
  }
  // The rows of a table stream in through one COPY, started anew when the
  // table or its columns change.
  void restore_row(const std::string& table, const nlohmann::json& j) override {
    std::vector<std::string> columns;
    std::vector<std::optional<std::string>> values;
    for (auto& [key, value] : j.items()) {
      columns.push_back(key);
      if (value.is_null()) values.emplace_back();
      else if (value.is_number_integer()) values.push_back(std::to_string(value.get<std::int64_t>()));
      else if (value.is_number()) values.push_back(fmt::format("{}", value.get<double>()));
      else if (value.is_string()) values.push_back(value.get<std::string>());
      else values.push_back(value.dump());
    }
    std::string target = table + "(" + fmt::format("{}", fmt::join(columns, ",")) + ")";
    if (!pg().copying() || target != copy_target_) {
      restore_rows_done();
      pg().copy_begin(table, columns);
      copy_target_ = target;
    }
    pg().copy_row(values);
  }
  void restore_rows_done() override {
    if (!pg().copying()) return;
    try {
      pg().copy_end();
    } catch (const sql::Failure& e) {
      refuse_restored(copy_target_.substr(0, copy_target_.find('(')), e);
    }
  }
  // The triggers come back; ids go on after the restored ones.
  void end_restore(const std::vector<std::string>& tables) override {
    db().exec("SET CONSTRAINTS ALL IMMEDIATE");
    for (const auto& table : tables) {
      db().exec(fmt::format("ALTER TABLE \"{}\" ENABLE TRIGGER USER", table));
      db().exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) FROM \"{0}\"",
                            table));
    }
    db().exec("SELECT map_role(name) FROM rep WHERE active = 1");  // each rep connects as their role
  }

  void backup_to(const std::filesystem::path&) override {
    throw Error(Exit::config, "a workspace on a server is backed up by the server: pg_dump (see docs/team.md)");
  }
  const char* foreign_keys_sql() const override {
    return R"sql(
SELECT t.relname, a.attname, pt.relname, pa.attname
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_class pt ON pt.oid = c.confrelid JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
WHERE c.contype = 'f' AND n.nspname = 'hopper' ORDER BY t.relname COLLATE "C", a.attname COLLATE "C")sql";
  }

 private:
  std::string copy_target_;  // "table(col,…)" of the COPY under way
};

// Creates the schema, roles and policies in an empty database; or moves a
// schema of kPostgresqlBaseVersion or later forward (the schema's owner's
// to do, in one transaction under the write lock and a `migrate` event:
// the next hopper finds it done, or nothing done); or refuses.
void PostgresBackend::open(Store& store, bool create, const EventStamp* stamp, const Confirm& confirm) {
  constexpr int kSchemaVersion = Store::kSchemaVersion;
  if (create) {
    pg().create_schema();
    return;
  }
  if (sql::kPostgresqlBaseVersion + static_cast<int>(sql::postgresql_migrations().size()) != kSchemaVersion)
    throw std::logic_error("sql/postgresql/ holds a migration per schema version after its base");
  int version = schema_version();
  if (version >= sql::kPostgresqlBaseVersion && version < kSchemaVersion) {
    auto session = server_session();
    if (!session->owner)
      throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}: the "
                                            "schema's owner (the DBA) moves it forward by running any hopper command "
                                            "in the workspace once (see docs/team.md)",
                                            version, kSchemaVersion));
    if (confirm) confirm(version, kSchemaVersion);
    store.begin(true);
    try {
      if (int from = schema_version(); from < kSchemaVersion) {  // not moved by another hopper meanwhile
        if (stamp) {
          EventStamp e = *stamp;
          e.actor = session->user;
          e.argv = nlohmann::json({"migrate", fmt::format("schema {} to {}", from, kSchemaVersion)}).dump();
          store.begin_event(e);
        }
        pg().migrate_schema();
      }
      store.commit();
    } catch (...) {
      store.rollback();
      throw;
    }
    version = schema_version();
  }
  if (version != kSchemaVersion)
    throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}; {}", version,
                                          kSchemaVersion,
                                          version > kSchemaVersion ? "upgrade hopper" : "migrate it with a hopper of "
                                                                                        "its version first"));
}

}  // namespace

std::unique_ptr<Backend> postgresql_backend(const std::string& url, int busy_timeout_ms) {
  return std::make_unique<PostgresBackend>(std::make_unique<sql::PostgresConnection>(url, busy_timeout_ms));
}

}  // namespace hopper
