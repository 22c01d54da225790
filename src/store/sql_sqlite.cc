#include "store/sql_sqlite.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <string_view>

#include <SQLiteCpp/SQLiteCpp.h>

namespace hopper::sql {
namespace {

Failure failure(const SQLite::Exception& e) {
  using K = Failure::Kind;
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Failure(K::busy, e.what());
    case SQLITE_READONLY:
    case SQLITE_PERM: return Failure(K::read_only, e.what());
    case SQLITE_CANTOPEN: return Failure(K::cannot_open, e.what());
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return Failure(K::damaged, e.what());
    case SQLITE_FULL:
    case SQLITE_IOERR: return Failure(K::disk, e.what());
    case SQLITE_CONSTRAINT: return Failure(K::constraint, e.what());
    default: return Failure(K::other, e.what());
  }
}

// Every call into SQLiteCpp, its exceptions turned into Failures.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw failure(e);
  }
}

class SqliteStatement : public Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) try : st_(db, sql) {
  } catch (const SQLite::Exception& e) {
    throw failure(e);
  }
  int index(const char* name) override { return st_.getIndex(name); }
  void bind(int i, std::int64_t v) override { guarded([&] { st_.bind(i, v); }); }
  void bind(int i, double v) override { guarded([&] { st_.bind(i, v); }); }
  void bind(int i, const std::string& v) override { guarded([&] { st_.bind(i, v); }); }
  void bind(int i) override { guarded([&] { st_.bind(i); }); }
  using Statement::bind;
  bool step() override { return guarded([&] { return st_.executeStep(); }); }
  int exec() override { return guarded([&] { return st_.exec(); }); }
  void reset() override {
    st_.tryReset();  // returns the last step's error, already reported
    st_.clearBindings();
  }
  bool is_null(int c) override { return st_.getColumn(c).isNull(); }
  std::int64_t int64_at(int c) override { return st_.getColumn(c).getInt64(); }
  double real_at(int c) override { return st_.getColumn(c).getDouble(); }
  std::string text_at(int c) override { return st_.getColumn(c).getString(); }
  int column_index(const char* name) override { return guarded([&] { return st_.getColumnIndex(name); }); }

 private:
  SQLite::Statement st_;
};

// A file: URI naming `path`, for SQLite's URI parameters.
std::string file_uri(const std::filesystem::path& path) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos)
      uri += static_cast<char>(c);
    else
      uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& path, int busy_timeout_ms) {
  guarded([&] {
    db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
    db_->setBusyTimeout(busy_timeout_ms);
  });
  // Reading a WAL database takes its -shm file, which SQLite makes in the
  // database's folder. Where the user may not write that folder and no
  // writer has the database open (no -wal file: the last one to close
  // removes it), the file is read as it is (immutable, without locks), so a
  // read-only workspace can still be read; every write then fails as
  // read-only. A writer elsewhere starting mid-read may make that read
  // fail; it is run again.
  try {
    db_->execAndGet("PRAGMA schema_version");
  } catch (const SQLite::Exception& e) {
    std::filesystem::path wal = path;
    wal += "-wal";
    std::error_code ignored;
    if ((e.getErrorCode() & 0xff) != SQLITE_READONLY || std::filesystem::exists(wal, ignored) ||
        ::access(path.parent_path().empty() ? "." : path.parent_path().c_str(), W_OK) == 0)
      throw failure(e);
    guarded([&] {
      db_ = std::make_unique<SQLite::Database>(file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
      db_->setBusyTimeout(busy_timeout_ms);
    });
  }
}
SqliteConnection::~SqliteConnection() = default;

std::unique_ptr<Statement> SqliteConnection::prepare(const std::string& sql) {
  return std::make_unique<SqliteStatement>(*db_, sql);
}
void SqliteConnection::exec(const std::string& sql) {
  guarded([&] { db_->exec(sql); });
}
bool SqliteConnection::in_transaction() { return sqlite3_get_autocommit(db_->getHandle()) == 0; }
std::string SqliteConnection::filename() const { return db_->getFilename(); }
void SqliteConnection::backup_to(const std::filesystem::path& file) {
  guarded([&] { db_->backup(file.c_str(), SQLite::Database::Save); });
}

}  // namespace hopper::sql
