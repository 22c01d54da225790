// The PostgreSQL backend of the store (libpq): a workspace a team shares on
// a server, where roles and row-level security decide who sees what.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.h"

struct pg_conn;

namespace hopper::sql {

class PostgresConnection : public Connection {
 public:
  // `url` as libpq takes it; the password comes from libpq's own places.
  PostgresConnection(const std::string& url, int busy_timeout_ms);
  ~PostgresConnection() override;
  std::unique_ptr<Statement> prepare(const std::string& sql) override;
  std::unique_ptr<Statement> stream(const std::string& sql) override;
  void exec(const std::string& sql) override;
  bool in_transaction() override;

  // Writers take the workspace's write lock first, so they run one after
  // another as on SQLite (capacity, claim limits and one owner per
  // customer hold under any concurrency); a read sees one snapshot.
  void begin(bool write);
  // Where the ids' sequences stand, pushed at begin(true) and at each
  // savepoint; a rollback puts them back, so that a refused or dry-run
  // command, or a rejected import row, leaves no gap in the ids (as on
  // SQLite). Safe because writers hold the write lock until they end.
  void mark_ids();
  void forget_ids_mark();
  void restore_ids();      // to the last mark, which is dropped
  void restore_all_ids();  // to the first, and every mark dropped

  // COPY … FROM STDIN, a row at a time: how a restore goes in (a round
  // trip per row would take minutes at a million). No other statement may
  // run until copy_end, which gives the server's verdict on the rows;
  // copy_abort drops them (before a rollback).
  void copy_begin(const std::string& table, const std::vector<std::string>& columns);
  void copy_row(const std::vector<std::optional<std::string>>& values);
  void copy_end();
  void copy_abort();
  bool copying() const { return copying_; }

  // 0 when the database holds no hopper schema.
  int schema_version();
  // The schema, triggers, roles and policies of sql/postgresql/, and every
  // migration, in one transaction; Error(config) when the database already
  // holds one.
  void create_schema();
  // Moves a schema of version kPostgresqlBaseVersion or later forward
  // through the migrations, inside the caller's write transaction. The
  // schema's owner's to run.
  void migrate_schema();

 private:
  // The triggers that keep the log on each audited table (rows.h), as a
  // file's are: made anew after the scripts and after each migration.
  void install_audit_triggers();

  pg_conn* conn_ = nullptr;
  std::vector<std::string> id_marks_;  // "setval(…), …" per mark
  std::unique_ptr<Statement> marker_;  // reads where the sequences stand
  bool copying_ = false;
  std::string copy_buffer_;
};

// libpq numbers parameters $1, $2 …; the store writes "?", "?2" or ":name"
// (one kind per statement). Quoted text and "::" casts are left alone.
struct Translated {
  std::string sql;
  std::map<std::string, int> names;  // ":owner" → its $n
  int count = 0;                     // parameters in all
};
Translated translate(const std::string& sql);

// "postgresql://user:secret@host/db" → "postgresql://user@host/db": what
// messages may show.
std::string without_password(const std::string& url);

}  // namespace hopper::sql
