// Export, restore and backup: the whole workspace as rows and back.
#include "hopper/store.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "store/rows.h"
#include "store/sql_postgresql.h"
#include "store/sql_sqlite.h"

namespace hopper {
using namespace rows;

void Store::export_rows(const std::function<void(const std::string& table, const std::string& row)>& each) {
  for (const auto& table : table_names(*db_)) {
    std::string object;  // names from the schema
    if (postgres_) {
      object = fmt::format("row_to_json(\"{}\")", table);
    } else {
      for (const auto& c : column_names(*db_, table))
        object += fmt::format("{}'{}', \"{}\"", object.empty() ? "" : ", ", c, c);
      object = "json_object(" + object + ")";
    }
    auto st = db_->stream(fmt::format("SELECT {} FROM \"{}\" ORDER BY id", object, table));
    while (st->step()) each(table, st->column(0).text());
  }
}

long Store::record_count() {
  long n = 0;
  for (const char* table : kAuditedTables)
    if (std::string_view(table) != "rep" && std::string_view(table) != "security")
      n += db_->query_int(fmt::format("SELECT count(*) FROM {}", table));
  return n;
}

void Store::begin_restore() {
  // Deferred foreign keys and undoing a half restore both need a transaction.
  if (!db_->in_transaction()) throw std::logic_error("a restore runs inside a write transaction");
  restore_columns_.clear();
  std::string tables;
  for (const auto& table : table_names(*db_)) {
    restore_columns_[table] = column_names(*db_, table);
    tables += (tables.empty() ? "\"" : ", \"") + table + "\"";
  }
  if (postgres_) {  // the tables' owner's right: others are refused (exit 9)
    for (const auto& [table, columns] : restore_columns_)
      db_->exec(fmt::format("ALTER TABLE \"{}\" DISABLE TRIGGER USER", table));
    db_->exec("TRUNCATE " + tables);  // all at once: no foreign key is left dangling
    db_->exec("SET CONSTRAINTS ALL DEFERRED");
    return;
  }
  db_->exec("PRAGMA defer_foreign_keys = ON");
  for (const char* table : kAuditedTables)
    db_->exec(fmt::format("DROP TRIGGER {0}_audit_insert; DROP TRIGGER {0}_audit_update; DROP TRIGGER {0}_never_delete",
                          table));
  for (const auto& [table, columns] : restore_columns_) db_->exec(fmt::format("DELETE FROM \"{}\"", table));
}

// A restored row the database refused is bad input (exit 6); a fault of the
// machine or the server stays what it is.
[[noreturn]] static void refuse_restored(const std::string& table, const sql::Failure& e) {
  if (e.kind() != sql::Failure::Kind::constraint && e.kind() != sql::Failure::Kind::other) throw e;
  throw Error(Exit::invalid, fmt::format("{}: {}", table, e.what()));
}

void Store::restore_row(const std::string& table, const nlohmann::json& j) {
  auto found = restore_columns_.find(table);
  if (!j.is_object() || found == restore_columns_.end())
    throw Error(Exit::config, fmt::format("table '{}' is not in this schema (version {})", table, kSchemaVersion));
  const auto& known = found->second;
  for (auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw Error(Exit::config, fmt::format("column {}.{} is not in this schema (version {})", table, key, kSchemaVersion));
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())
      throw Error(Exit::invalid, fmt::format("{}.{}: {} is past the largest number a column holds (2^63 − 1)", table,
                                             key, value.dump()));
  }
  if (postgres_) return restore_row_by_copy(table, j);
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

// On a server the rows of a table stream in through one COPY, started anew
// when the table or its columns change.
void Store::restore_row_by_copy(const std::string& table, const nlohmann::json& j) {
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
  if (!postgres_->copying() || target != copy_target_) {
    end_copy();
    postgres_->copy_begin(table, columns);
    copy_target_ = target;
  }
  postgres_->copy_row(values);
}

void Store::end_copy() {
  if (!postgres_->copying()) return;
  try {
    postgres_->copy_end();
  } catch (const sql::Failure& e) {
    refuse_restored(copy_target_.substr(0, copy_target_.find('(')), e);
  }
}

std::vector<DanglingKey> Store::end_restore(int limit) {
  if (postgres_) end_copy();
  // Checked here, where each can be named, rather than by the commit.
  if (auto dangling = dangling_keys(limit); !dangling.empty()) return dangling;
  if (postgres_) {  // the triggers come back; ids go on after the restored ones
    db_->exec("SET CONSTRAINTS ALL IMMEDIATE");
    for (const auto& table : table_names(*db_)) {
      db_->exec(fmt::format("ALTER TABLE \"{}\" ENABLE TRIGGER USER", table));
      db_->exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) FROM \"{0}\"",
                            table));
    }
    db_->exec("SELECT map_role(name) FROM rep WHERE active = 1");  // each rep connects as their role
  } else {
    install_audit_triggers(*db_);
  }
  restore_columns_.clear();
  restored_ = true;
  // The restored log's newest event is where the log goes on.
  set_current_event(db_->query_int("SELECT coalesce(max(id), 0) FROM event"));
  return {};
}

void Store::backup_to(const std::filesystem::path& file) {
  if (!sqlite_)
    throw Error(Exit::config, "a workspace on a server is backed up by the server: pg_dump (see docs/team.md)");
  struct stat source {};
  if (::stat(sqlite_->filename().c_str(), &source) != 0)
    throw Error(Exit::config, fmt::format("cannot read the mode of '{}'", sqlite_->filename()));
  if (std::filesystem::exists(file))
    throw Error(Exit::config, fmt::format("'{}' exists; backup never overwrites: choose another name", file.string()));
  create_private_file(file, source.st_mode & 0777);  // a copy is as private as the original
  try {
    sqlite_->backup_to(file);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(file, ec);  // no half backup left behind
    throw;
  }
}

}  // namespace hopper
