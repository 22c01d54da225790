// Rows of rep.
#include "hopper/store.h"

#include <fmt/format.h>

#include "hopper/error.h"
#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

static void bind_rep(sql::Statement& st, const Rep& r) {
  st.bind(":name", r.name);
  st.bind(":team", r.team);
  st.bind(":role", std::string(role_name(r.role)));
  st.bind(":active", r.active ? 1 : 0);
  bind_optional(st, st.index(":capacity"), r.capacity);
}

Id Store::insert_rep(const Rep& r) {
  sql::Statement& st = statement(R"sql(
INSERT INTO rep (name, team, role, active, capacity, created_at)
VALUES (:name, :team, :role, :active, :capacity, :created_at) RETURNING id)sql");
  backend_->check_rep_name(r.name);
  bind_rep(st, r);
  st.bind(":created_at", r.created_at);
  Id id = inserted(st);
  backend_->rep_added(r.name);
  return id;
}

void Store::update_rep(const Rep& r) {
  sql::Statement& st = statement(R"sql(
UPDATE rep SET name = :name, team = :team, role = :role, active = :active, capacity = :capacity
WHERE id = :id)sql");
  bind_rep(st, r);
  st.bind(":id", r.id);
  st.exec();
}

std::optional<Rep> Store::find_rep(const std::string& name) {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE name = ?", kRepColumns));
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return read_rep(st);
}

std::optional<Rep> Store::find_rep(Id id) {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE id = ?", kRepColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_rep(st);
}

std::vector<Rep> Store::reps() {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep ORDER BY id", kRepColumns));
  std::vector<Rep> out;
  while (st.step()) out.push_back(read_rep(st));
  return out;
}

int Store::count_admins() {
  return static_cast<int>(db_->query_int("SELECT count(*) FROM rep WHERE role = 'admin' AND active <> 0"));
}

}  // namespace hopper
