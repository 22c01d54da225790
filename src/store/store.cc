// Opening a workspace (a file or a server) on its backend, transactions and
// savepoints, the statement cache, and the security setting an admin records.
#include "hopper/store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hopper/error.h"
#include "store/backend.h"
#include "store/rows.h"
#include "store/sql_scripts.h"

namespace hopper {

void rows::create_private_file(const std::filesystem::path& path, unsigned mode) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) throw Error(Exit::config, fmt::format("cannot create '{}'", path.string()));
  ::fchmod(fd, mode);  // the umask must not widen or narrow what was asked for
  ::close(fd);
}

Store::Store(const std::filesystem::path& path, int busy_timeout_ms, bool create, bool shared,
             const EventStamp* migration)
    : backend_(sqlite_backend(path, busy_timeout_ms, create, shared)), db_(&backend_->db()) {
  backend_->open(*this, create, migration, {});
}

Store::Store(const ServerStore& server, int busy_timeout_ms, bool create, const EventStamp* migration,
             const std::function<void(int from, int to)>& confirm_migration)
    : backend_(postgresql_backend(server.url, busy_timeout_ms)), db_(&backend_->db()) {
  backend_->open(*this, create, migration, confirm_migration);
}

Store::~Store() { backend_->closing(wrote_); }

std::optional<ServerSession> Store::server_session() { return backend_->server_session(); }

int Store::schema_version() { return backend_->schema_version(); }

std::string Store::migration_script(int version) { return sql::sqlite_migrations().at(version).text; }

void Store::begin(bool write) {
  reset_statements();  // a snapshot left open by a read would make BEGIN IMMEDIATE fail at once
  try {
    backend_->begin(write);
    wrote_ = wrote_ || write;
    restored_ = false;
  } catch (const sql::Failure& e) {
    if (e.kind() == sql::Failure::Kind::busy)
      throw Error(Exit::busy, "the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS");
    throw;
  }
}
void Store::commit() {
  reset_statements();
  db_->exec("COMMIT");
  backend_->committed();
}
void Store::rollback() {
  reset_statements();
  if (!db_->in_transaction()) return;
  backend_->rolling_back();
  db_->exec("ROLLBACK");
}

void Store::savepoint() {
  statement("SAVEPOINT row").exec();
  backend_->savepoint_set();
}
void Store::release_savepoint() {
  statement("RELEASE row").exec();
  backend_->savepoint_released();
}
void Store::rollback_to_savepoint() {
  statement("ROLLBACK TO row").exec();
  statement("RELEASE row").exec();
  backend_->savepoint_rolled_back();
}

sql::Statement& Store::statement(const std::string& text) { return backend_->statement(text); }
void Store::reset_statements() { backend_->reset_statements(); }

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
