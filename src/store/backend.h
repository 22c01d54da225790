// One database under the store: everything SQLite and PostgreSQL do
// differently lives behind this interface, in backend_sqlite.cc and
// backend_postgresql.cc; the rest of src/store/ is SQL both run as it is.
// A third database is a third file implementing it (see README.md).
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hopper/store.h"
#include "store/sql.h"

namespace hopper {

class Backend {
 public:
  explicit Backend(std::unique_ptr<sql::Connection> db) : db_(std::move(db)) {}
  virtual ~Backend() = default;
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  sql::Connection& db() { return *db_; }
  // The prepared statement for `sql`, reset with its bindings cleared:
  // preparing costs more than running most of hopper's statements.
  sql::Statement& statement(const std::string& sql);
  // A statement stepped part way holds its read snapshot until reset.
  void reset_statements();
  void forget_statements() { statements_.clear(); }

  // ---- the schema
  virtual int schema_version() = 0;
  // Brings the schema to Store::kSchemaVersion: creates it with `create`,
  // migrates an older one (its changes filed under an event of `migration`
  // when given; a server asks `confirm` first), refuses a newer or a
  // foreign one with Error(config).
  using Confirm = std::function<void(int from, int to)>;
  virtual void open(Store& store, bool create, const EventStamp* migration, const Confirm& confirm) = 0;
  // On a server: who is connected and the server's clock; none on a file.
  virtual std::optional<ServerSession> server_session() { return std::nullopt; }

  // ---- transactions
  virtual void begin(bool write) = 0;
  virtual void committed() {}
  virtual void rolling_back() {}
  virtual void savepoint_set() {}
  virtual void savepoint_released() {}
  virtual void savepoint_rolled_back() {}
  // The connection is about to close; `wrote`: a write transaction ran.
  virtual void closing(bool wrote) { (void)wrote; }

  // ---- the event log
  // The event this transaction's changes are filed under, as SQL.
  virtual std::string current_event_sql() const = 0;
  virtual void set_current_event(Id event) = 0;
  // Parameters: ?1 the outcome, ?2 the event.
  virtual const char* set_event_outcome_sql() const = 0;
  // SQL of an opportunity_action row as a JSON object of its
  // opportunity_id and action; of the `reason` column of rows `r` (with
  // `first`, their order) joined by "; ".
  virtual const char* action_json_sql() const = 0;
  virtual const char* joined_reasons_sql() const = 0;

  // ---- lookups that see past a server's row-level security
  // The lookups of lookups.h, by their parameters and rows.
  virtual std::string duplicate_lookup_sql() const = 0;
  virtual std::string last_lost_at_sql() const = 0;

  // ---- reps: a server connects each rep as a role of the same name
  virtual void check_rep_name(const std::string& name) const { (void)name; }
  virtual void rep_added(const std::string& name) { (void)name; }

  // ---- the schema as data
  // The workspace's tables, by name, without a session's state or the
  // server's version row: the data an export holds; a table's columns in
  // their order.
  virtual std::vector<std::string> table_names() = 0;
  virtual std::vector<std::string> column_names(const std::string& table) = 0;
  // SQL of one row of `table` (aliased as itself) as a JSON object.
  virtual std::string row_json_sql(const std::string& table) = 0;

  // ---- restore: every table emptied with the log's triggers off and the
  // foreign keys deferred; rows put back; then the triggers back on.
  virtual void begin_restore(const std::vector<std::string>& tables) = 0;
  virtual void restore_row(const std::string& table, const nlohmann::json& row) = 0;
  // The rows are all in (the database's verdict on them).
  virtual void restore_rows_done() {}
  virtual void end_restore(const std::vector<std::string>& tables) = 0;

  // ---- backup and health
  // Whether backup_to can copy the workspace to a file (a server's is pg_dump).
  virtual bool supports_file_backup() const { return false; }
  virtual void backup_to(const std::filesystem::path& file) = 0;
  // The database's own checks of its pages and foreign keys (a server runs
  // them on every write itself): one sentence per problem, at most `limit`.
  virtual std::vector<std::string> integrity_problems(int limit) { (void)limit; return {}; }
  virtual bool checks_foreign_keys_on_write() const { return true; }
  // Each foreign key of the schema (one column each): table, column, the
  // table it refers to, that table's column.
  virtual const char* foreign_keys_sql() const = 0;

 protected:
  // A restored row the database refused is bad input (exit 6); a fault of
  // the machine or the server stays what it is.
  [[noreturn]] static void refuse_restored(const std::string& table, const sql::Failure& e);

 private:
  std::unique_ptr<sql::Connection> db_;
  // Declared after db_ so they are finalized before it closes.
  std::unordered_map<std::string, std::unique_ptr<sql::Statement>> statements_;
};

// A workspace's file (created with mode 0600, or 0660 when shared).
std::unique_ptr<Backend> sqlite_backend(const std::filesystem::path& path, int busy_timeout_ms, bool create,
                                        bool shared);
// A workspace on a server.
std::unique_ptr<Backend> postgresql_backend(const std::string& url, int busy_timeout_ms);

}  // namespace hopper
