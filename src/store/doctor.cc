// hopper doctor's checks: the database's own and hopper's invariants.
#include "hopper/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

namespace {
std::vector<std::string> sentences(sql::Statement& st) {
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.column(0).text());
  return out;
}
}  // namespace

std::vector<std::string> Store::integrity_problems(int limit) { return backend_->integrity_problems(limit); }

// A server checks every foreign key on every write itself.
std::vector<std::string> Store::foreign_key_problems(int limit) {
  if (backend_->checks_foreign_keys_on_write()) return {};
  std::vector<std::string> out;
  for (const DanglingKey& d : dangling_keys(limit))
    out.push_back(fmt::format("{} {}: {} {} is no {} row", d.table, d.id, d.column, d.value, d.parent));
  return out;
}

std::vector<DanglingKey> Store::dangling_keys(int limit) {
  auto keys = db_->prepare(backend_->foreign_keys_sql());
  std::vector<std::array<std::string, 4>> foreign_keys;
  auto tables = backend_->table_names();  // not a session's own state
  while (keys->step())
    if (std::find(tables.begin(), tables.end(), keys->column(0).text()) != tables.end())
      foreign_keys.push_back({keys->column(0).text(), keys->column(1).text(), keys->column(2).text(), keys->column(3).text()});
  std::vector<DanglingKey> out;
  for (const auto& [table, column, parent, parent_column] : foreign_keys) {  // names from the schema
    if (static_cast<int>(out.size()) >= limit) break;
    auto st = db_->prepare(fmt::format(R"sql(
SELECT c.id, CAST(c."{1}" AS TEXT) FROM "{0}" c
WHERE c."{1}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{2}" p WHERE p."{3}" = c."{1}") ORDER BY c.id LIMIT {4})sql",
                                       table, column, parent, parent_column, limit - static_cast<int>(out.size())));
    while (st->step()) out.push_back({table, st->column(0).int64(), column, st->column(1).text(), parent});
  }
  return out;
}

namespace {
// The columns that hold a date or a time: at, due, until, occurrence and
// those named …_at, …_until, …_date, …_since or …_due.
bool holds_time(std::string_view column) {
  for (std::string_view name : {"at", "due", "until", "occurrence"})
    if (column == name) return true;
  for (std::string_view suffix : {"_at", "_until", "_date", "_since", "_due"})
    if (column.ends_with(suffix)) return true;
  return false;
}
}  // namespace

void Store::each_stored_text(const std::function<void(const StoredText&)>& each) {
  for (const auto& table : backend_->table_names()) {
    std::vector<std::pair<std::string, StoredText::Form>> columns;  // names from the schema
    for (auto& c : backend_->column_names(table)) {
      if (holds_time(c)) columns.emplace_back(std::move(c), StoredText::Form::time);
      else if (c == "fields") columns.emplace_back(std::move(c), StoredText::Form::fields);
      else if (c.ends_with("_kind")) columns.emplace_back(std::move(c), StoredText::Form::kind);
      else if (table == "event_change" && c == "tbl") columns.emplace_back(std::move(c), StoredText::Form::audited_table);
    }
    if (columns.empty()) continue;
    std::string list;
    for (const auto& [c, form] : columns) list += fmt::format(", \"{}\"", c);
    auto st = db_->stream(fmt::format("SELECT id{} FROM \"{}\" ORDER BY id", list, table));
    while (st->step()) {
      Id id = st->column(0).int64();
      for (std::size_t i = 0; i < columns.size(); ++i) {
        std::string text = st->column(static_cast<int>(i) + 1).text();
        if (!text.empty()) each({columns[i].second, table, id, columns[i].first, text});
      }
    }
  }
}

std::vector<std::string> Store::deals_not_with_their_customer(int limit) {
  static const std::string text = fmt::format(R"sql(
SELECT 'O' || o.id || ' is open with ' || coalesce(r.name, 'nobody') || ' but customer C' || c.id || ' belongs to '
       || coalesce(cr.name, 'the pool')
FROM opportunity o JOIN customer c ON c.id = o.customer_id
  LEFT JOIN rep r ON r.id = o.owner_id LEFT JOIN rep cr ON cr.id = c.owner_id
WHERE o.status = {} AND o.owner_id IS DISTINCT FROM c.owner_id LIMIT ?)sql",
                                              literal(kDealStatuses, DealStatus::open));
  sql::Statement& st = statement(text);
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::stages_not_matching_history(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'O' || o.id || ' is in ' || o.stage || ' but its history last moved it to ' || coalesce(h.to_value, 'nothing')
FROM opportunity o LEFT JOIN history h ON h.id = (
  SELECT max(id) FROM history WHERE subject_kind = 'opportunity' AND subject_id = o.id AND field = 'stage')
WHERE h.to_value IS DISTINCT FROM o.stage LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::changes_without_event(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'change ' || c.id || ' of ' || c.tbl || ' ' || c.row_id || ' has no event'
FROM event_change c LEFT JOIN event e ON e.id = c.event_id WHERE e.id IS NULL
UNION ALL
SELECT 'history row ' || h.id || ' (' || h.subject_kind || ' ' || h.subject_id || ') has no event'
FROM history h LEFT JOIN event e ON e.id = h.event_id WHERE e.id IS NULL LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::records_of_departed_reps(int limit) {
  static const std::string text = fmt::format(R"sql(
SELECT 'customer C' || c.id || ' is owned by ' || r.name || ', who has left'
FROM customer c JOIN rep r ON r.id = c.owner_id WHERE r.active = 0
UNION ALL
SELECT 'open lead L' || l.id || ' is owned by ' || r.name || ', who has left'
FROM lead l JOIN rep r ON r.id = l.owner_id WHERE r.active = 0 AND l.status = {} LIMIT ?)sql",
                                              literal(kLeadStatuses, LeadStatus::open));
  sql::Statement& st = statement(text);
  st.bind(1, limit);
  return sentences(st);
}

}  // namespace hopper
