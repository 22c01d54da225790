// Export, restore and backup: the whole workspace as rows and back.
#include "hopper/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

void Store::export_rows(const std::function<void(const std::string& table, const std::string& row)>& each) {
  for (const auto& table : backend_->table_names()) {
    auto st = db_->stream(fmt::format("SELECT {} FROM \"{}\" ORDER BY id", backend_->row_json_sql(table), table));
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
  auto tables = backend_->table_names();
  for (const auto& table : tables) restore_columns_[table] = backend_->column_names(table);
  backend_->begin_restore(tables);
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
  backend_->restore_row(table, j);
}

std::vector<DanglingKey> Store::end_restore(int limit) {
  backend_->restore_rows_done();
  // Checked here, where each can be named, rather than by the commit.
  if (auto dangling = dangling_keys(limit); !dangling.empty()) return dangling;
  backend_->end_restore(backend_->table_names());
  restore_columns_.clear();
  restored_ = true;
  // The restored log's newest event is where the log goes on.
  set_current_event(db_->query_int("SELECT coalesce(max(id), 0) FROM event"));
  return {};
}

bool Store::supports_file_backup() const { return backend_->supports_file_backup(); }
void Store::backup_to(const std::filesystem::path& file) { backend_->backup_to(file); }

}  // namespace hopper
