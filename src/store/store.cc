// Opening a workspace (a file or a server), transactions and savepoints, the
// statement cache, and the security settings an admin records.
#include "hopper/store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hopper/error.h"
#include "store/rows.h"
#include "store/sql_postgresql.h"
#include "store/sql_scripts.h"
#include "store/sql_sqlite.h"

namespace hopper {
using namespace rows;

void rows::create_private_file(const std::filesystem::path& path, unsigned mode) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) throw Error(Exit::config, fmt::format("cannot create '{}'", path.string()));
  ::fchmod(fd, mode);  // the umask must not widen or narrow what was asked for
  ::close(fd);
}

Store::Store(const std::filesystem::path& path, int busy_timeout_ms, bool create, bool shared,
             const EventStamp* migration) {
  if (!std::filesystem::exists(path)) {
    if (!create)
      throw Error(Exit::config, fmt::format("the workspace has no database at '{}'; run 'hopper init' to create one",
                                            path.string()));
    create_private_file(path, shared ? 0660 : 0600);
  }
  auto sqlite = std::make_unique<sql::SqliteConnection>(path, busy_timeout_ms);
  sqlite_ = sqlite.get();
  db_ = std::move(sqlite);
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = NORMAL");
  // 32 MB of pages: a big import or report would otherwise spill the 2 MB
  // default to disk over and over; peak RSS stays well under SPEC's 64 MB.
  db_->exec("PRAGMA cache_size = -32768");
  migrate(path, migration);
}

Store::Store(const ServerStore& server, int busy_timeout_ms, bool create) {
  auto pg = std::make_unique<sql::PostgresConnection>(server.url, busy_timeout_ms);
  postgres_ = pg.get();
  db_ = std::move(pg);
  if (create) {
    postgres_->create_schema();
    return;
  }
  if (sql::kPostgresqlBaseVersion + static_cast<int>(sql::postgresql_migrations().size()) != kSchemaVersion)
    throw std::logic_error("sql/postgresql/ holds a migration per schema version after its base");
  int version = postgres_->schema_version();
  if (version >= sql::kPostgresqlBaseVersion && version < kSchemaVersion) {
    if (!server_session().owner)
      throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}: the "
                                            "schema's owner (the DBA) moves it forward by running any hopper command "
                                            "in the workspace once (see docs/team.md)",
                                            version, kSchemaVersion));
    postgres_->migrate_schema();
    version = postgres_->schema_version();
  }
  if (version != kSchemaVersion)
    throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}; {}", version,
                                          kSchemaVersion,
                                          version > kSchemaVersion ? "upgrade hopper" : "migrate it with a hopper of "
                                                                                        "its version first"));
}

Store::~Store() {
  // SQLite's advice for a closing connection: refresh the planner's
  // statistics where they are stale (analysis_limit keeps it quick at any
  // size), so scans of most of a table do not pick a narrow index. A
  // server keeps its own (autovacuum).
  if (!wrote_ || !sqlite_) return;
  try {
    statements_.clear();
    db_->exec("PRAGMA query_only = OFF; PRAGMA analysis_limit = 400; PRAGMA optimize");
  } catch (const sql::Failure&) {
    // Statistics are an optimisation; a busy or read-only file keeps the old ones.
  }
}

bool Store::on_server() const { return postgres_ != nullptr; }

ServerSession Store::server_session() {
  if (!postgres_) throw std::logic_error("a workspace file has no server session");
  auto st = db_->prepare(R"sql(
SELECT current_user, to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS'),
       pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'hopper'), 'MEMBER'))sql");
  st->step();
  return {st->column(0).text(), st->column(1).text(), st->column(2).int64() != 0};
}

std::string Store::current_event_sql() const {
  return sqlite_ ? "(SELECT event_id FROM current_event)" : "CAST(nullif(current_setting('hopper.event', true), '') AS bigint)";
}



void Store::begin(bool write) {
  reset_statements();  // a snapshot left open by a read would make BEGIN IMMEDIATE fail at once
  try {
    if (postgres_) {
      postgres_->begin(write);
    } else {
      // A read command runs query-only, so a future read path cannot write by accident.
      db_->exec(write ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON");
      // A write's statement journals are small and many (one per statement in
      // a long import): in memory, not a temp file. A read's big sorts may
      // still spill to disk.
      db_->exec(write ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT");
      db_->exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    }
    wrote_ = wrote_ || write;
    restored_ = false;
  } catch (const sql::Failure& e) {
    if (e.kind() == sql::Failure::Kind::busy)
      throw Error(Exit::busy, "the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS");
    throw;
  }
}
// A statement stepped part way holds its read snapshot until reset.
void Store::commit() {
  reset_statements();
  db_->exec("COMMIT");
  if (postgres_) postgres_->forget_ids_mark();
}
void Store::rollback() {
  reset_statements();
  if (!db_->in_transaction()) return;
  if (postgres_) postgres_->copy_abort();
  if (postgres_ && postgres_->in_transaction()) {
    try {
      postgres_->restore_all_ids();
    } catch (const sql::Failure&) {
      // An aborted transaction refuses the reset: the ids keep a gap, nothing worse.
    }
  }
  db_->exec("ROLLBACK");
}

void Store::savepoint() {
  statement("SAVEPOINT row").exec();
  if (postgres_) postgres_->mark_ids();
}
void Store::release_savepoint() {
  statement("RELEASE row").exec();
  if (postgres_) postgres_->forget_ids_mark();
}
void Store::rollback_to_savepoint() {
  statement("ROLLBACK TO row").exec();
  statement("RELEASE row").exec();
  if (postgres_) postgres_->restore_ids();
}

sql::Statement& Store::statement(const std::string& text) {
  auto found = statements_.find(text);
  if (found == statements_.end()) return *statements_.emplace(text, db_->prepare(text)).first->second;
  found->second->reset();
  return *found->second;
}

void Store::reset_statements() {
  for (auto& [text, st] : statements_) st->reset();
}

bool Store::recorded_strict() {
  sql::Statement& st = statement("SELECT strict FROM security WHERE id = 1");
  bool on = st.step() && st.column(0).integer() != 0;
  st.reset();
  return on;
}

void Store::record_strict(bool on) {
  sql::Statement& st = statement(
      "INSERT INTO security (id, strict) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET strict = excluded.strict");
  st.bind(1, std::int64_t{on ? 1 : 0});
  st.exec();
}

}  // namespace hopper
