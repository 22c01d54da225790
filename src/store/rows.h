// What the store's files share: the WHERE clause a filter builds, binding
// and reading the rows of reps, leads and customers, custom fields as JSON,
// the ids an INSERT … RETURNING gives, and the tables and columns of the
// live schema. Only src/store/ includes this.
#pragma once
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "hopper/records.h"
#include "store/sql.h"

namespace hopper::rows {

// Tables whose every insert and update lands in the event log.
inline constexpr const char* kAuditedTables[] = {"rep",         "lead",   "customer", "person",  "activity", "conflict",
                                                 "opportunity", "opportunity_action", "reorder", "todo", "security"};

// A WHERE clause of only the conditions a filter gives (fixed text, values
// bound by name): catch-all "?1 IS NULL OR col = ?1" conditions keep SQLite
// from using any index.
class Where {
 public:
  using Value = std::variant<std::int64_t, std::string>;
  // A condition the filter asks for; `name` (":owner") is bound to `value` then.
  Where& add(bool asked, const char* condition, const char* name = nullptr, Value value = {}) {
    if (!asked) return *this;
    text_ += (text_.empty() ? "WHERE " : " AND ") + std::string(condition);
    if (name) values_.emplace_back(name, std::move(value));
    return *this;
  }
  // A condition with several parameters.
  Where& add(bool asked, const char* condition, std::initializer_list<std::pair<const char*, Value>> values) {
    if (!asked) return *this;
    add(true, condition);
    values_.insert(values_.end(), values.begin(), values.end());
    return *this;
  }
  const std::string& text() const { return text_; }
  void bind(sql::Statement& st) const {
    for (const auto& [name, value] : values_) std::visit([&](const auto& v) { st.bind(name, v); }, value);
  }

 private:
  std::string text_;
  std::vector<std::pair<const char*, Value>> values_;
};

// A name of a table of names as a SQL string literal, for statement text
// formatted once: the planner sees the literal a hand-written query would
// have (a partial index on that value still serves it), and the name is
// still the table's.
std::string quoted(std::string_view name);
template <class E, std::size_t N>
std::string literal(const NameTable<E, N>& table, E value) {
  return quoted(table.name(value));
}

// "?3, ?4, …": `count` numbered parameters from `first`, for an IN list; a
// list of none is an empty set.
std::string numbered_parameters(int first, std::size_t count);

// A record's custom fields as the JSON object the fields column holds, and
// back (bytes that are not UTF-8, from a hand-edited database, replaced).
std::string fields_json(const Fields& fields);
Fields parse_fields(const std::string& text);

template <class T>
void bind_optional(sql::Statement& st, int index, const std::optional<T>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}
// Empty text is stored as NULL (dates and times that are not set).
void bind_text_or_null(sql::Statement& st, const char* name, const std::string& v);
std::optional<Id> optional_id(const sql::Column& c);

inline constexpr const char* kRepColumns = "id, name, team, role, active, capacity, created_at";
Rep read_rep(sql::Statement& st);
// A lead with its owner's name, and a customer with the names of its owner,
// previous owner, reservation and stake: the selects read_lead and
// read_customer read.
inline constexpr const char* kLeadSelect =
    "SELECT l.*, coalesce(r.name, '') AS owner_name FROM lead l LEFT JOIN rep r ON r.id = l.owner_id ";
Lead read_lead(sql::Statement& st);
inline constexpr const char* kCustomerSelect = R"sql(
SELECT c.*, coalesce(r.name, '') AS owner_name, coalesce(pr.name, '') AS previous_owner_name,
       coalesce(rr.name, '') AS reserved_for_name, coalesce(sr.name, '') AS staked_by_name
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id LEFT JOIN rep pr ON pr.id = c.previous_owner_id
  LEFT JOIN rep rr ON rr.id = c.reserved_for_id LEFT JOIN rep sr ON sr.id = c.staked_by_id )sql";
Customer read_customer(sql::Statement& st);

// A lead's company key; a lead without a company matches none.
std::string company_key(const std::string& company);

// The id an INSERT … RETURNING id gave its row.
Id inserted(sql::Statement& st);

// A new file with exactly `mode` (0600, 0660), whatever the umask;
// Error(config) when it exists or cannot be created.
void create_private_file(const std::filesystem::path& path, unsigned mode);

}  // namespace hopper::rows
