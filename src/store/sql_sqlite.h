// The SQLite backend of the store (SQLiteCpp): a workspace's file.
#pragma once
#include <filesystem>
#include <memory>

#include "store/sql.h"

namespace SQLite {
class Database;
}

namespace hopper::sql {

class SqliteConnection : public Connection {
 public:
  SqliteConnection(const std::filesystem::path& path, int busy_timeout_ms);
  ~SqliteConnection() override;
  std::unique_ptr<Statement> prepare(const std::string& sql) override;
  void exec(const std::string& sql) override;
  bool in_transaction() override;
  // What only SQLite has: its file and the online backup API.
  std::string filename() const;
  void backup_to(const std::filesystem::path& file);

 private:
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace hopper::sql
