// The PostgreSQL backend of the store (libpq): a workspace a team shares on
// a server, where roles and row-level security decide who sees what.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sql.h"

struct pg_conn;

namespace hopper::sql {

class PostgresConnection : public Connection {
 public:
  // `url` as libpq takes it; the password comes from libpq's own places.
  PostgresConnection(const std::string& url, int busy_timeout_ms);
  ~PostgresConnection() override;
  Dialect dialect() const override { return Dialect::postgresql; }
  std::unique_ptr<Statement> prepare(const std::string& sql) override;
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

  // 0 when the database holds no hopper schema.
  int schema_version();
  // The schema, triggers, roles and policies of sql/postgresql/, in one
  // transaction; Error(config) when the database already holds one.
  void create_schema();

 private:
  pg_conn* conn_ = nullptr;
  std::vector<std::string> id_marks_;  // "setval(…), …" per mark
};

// "postgresql://user:secret@host/db" → "postgresql://user@host/db": what
// messages may show.
std::string without_password(const std::string& url);

}  // namespace hopper::sql
