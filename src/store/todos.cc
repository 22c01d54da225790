// Rows of todo and reorder.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/rows.h"

namespace hopper {
using namespace rows;

static Todo read_todo(sql::Statement& st) {
  Todo t;
  t.id = st.column("id").int64();
  t.text = st.column("text").text();
  t.due = st.column("due").text();
  t.owner_id = optional_id(st.column("owner_id"));
  t.owner = st.column("owner_name").text();
  if (!st.column("subject_kind").null())
    t.subject = Ref{kind_from_table(st.column("subject_kind").text()), st.column("subject_id").int64()};
  t.reorder_id = optional_id(st.column("reorder_id"));
  t.occurrence = st.column("occurrence").text();
  t.status = kTodoStatuses.stored(st.column("status").text());
  t.done_at = st.column("done_at").text();
  t.created_at = st.column("created_at").text();
  return t;
}

static void bind_todo(sql::Statement& st, const Todo& t) {
  st.bind(":text", t.text);
  bind_text_or_null(st, ":due", t.due);
  bind_optional(st, st.index(":owner_id"), t.owner_id);
  if (t.subject) {
    st.bind(":subject_kind", std::string(kind_table(t.subject->kind)));
    st.bind(":subject_id", t.subject->id);
  } else {
    st.bind(":subject_kind");
    st.bind(":subject_id");
  }
  bind_optional(st, st.index(":reorder_id"), t.reorder_id);
  bind_text_or_null(st, ":occurrence", t.occurrence);
  st.bind(":status", std::string(kTodoStatuses.name(t.status)));
  bind_text_or_null(st, ":done_at", t.done_at);
}

Id Store::insert_todo(const Todo& t) {
  sql::Statement& st = statement(R"sql(
INSERT INTO todo (text, due, owner_id, subject_kind, subject_id, reorder_id, occurrence, status, done_at, created_at)
VALUES (:text, :due, :owner_id, :subject_kind, :subject_id, :reorder_id, :occurrence, :status, :done_at, :created_at) RETURNING id)sql");
  bind_todo(st, t);
  st.bind(":created_at", t.created_at);
  return inserted(st);
}

void Store::update_todo(const Todo& t) {
  sql::Statement& st = statement(R"sql(
UPDATE todo SET text = :text, due = :due, owner_id = :owner_id, subject_kind = :subject_kind,
  subject_id = :subject_id, reorder_id = :reorder_id, occurrence = :occurrence, status = :status, done_at = :done_at
WHERE id = :id)sql");
  bind_todo(st, t);
  st.bind(":id", t.id);
  st.exec();
}

const char* kTodoSelect = "SELECT t.*, coalesce(r.name, '') AS owner_name FROM todo t LEFT JOIN rep r ON r.id = t.owner_id ";

std::optional<Todo> Store::find_todo(Id id) {
  sql::Statement& st = statement(std::string(kTodoSelect) + "WHERE t.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_todo(st);
}

std::vector<Todo> Store::todos(const TodoFilter& f) {
  static const std::string open = "t.status = " + literal(kTodoStatuses, TodoStatus::open);
  Where where;
  where.add(f.open_only, open.c_str())
      .add(f.owner_id.has_value(), "t.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      // about the customer, or about one of its deals (todo_subject serves both)
      .add(f.customer_id.has_value(), R"sql(((t.subject_kind = 'customer' AND t.subject_id = :customer)
       OR (t.subject_kind = 'opportunity' AND t.subject_id IN (SELECT id FROM opportunity WHERE customer_id = :customer))))sql",
           ":customer", f.customer_id.value_or(0));
  sql::Statement& st = statement(std::string(kTodoSelect) + where.text() + " ORDER BY t.due IS NULL, t.due, t.id");
  where.bind(st);
  std::vector<Todo> out;
  while (st.step()) out.push_back(read_todo(st));
  return out;
}

static Reorder read_reorder(sql::Statement& st) {
  Reorder r;
  r.id = st.column("id").int64();
  r.customer_id = st.column("customer_id").int64();
  r.customer = st.column("customer_name").text();
  r.product = st.column("product").text();
  r.every = st.column("every").text();
  r.first_due = st.column("first_due").text();
  r.until = st.column("until").text();
  r.remind_days = st.column("remind_days").integer();
  r.active = st.column("active").integer() != 0;
  r.created_at = st.column("created_at").text();
  return r;
}

const char* kReorderSelect = "SELECT y.*, c.name AS customer_name FROM reorder y JOIN customer c ON c.id = y.customer_id ";

Id Store::insert_reorder(const Reorder& r) {
  sql::Statement& st = statement(R"sql(
INSERT INTO reorder (customer_id, product, every, first_due, until, remind_days, active, created_at)
VALUES (:customer_id, :product, :every, :first_due, :until, :remind_days, :active, :created_at) RETURNING id)sql");
  st.bind(":customer_id", r.customer_id);
  st.bind(":product", r.product);
  st.bind(":every", r.every);
  st.bind(":first_due", r.first_due);
  bind_text_or_null(st, ":until", r.until);
  st.bind(":remind_days", r.remind_days);
  st.bind(":active", r.active ? 1 : 0);
  st.bind(":created_at", r.created_at);
  return inserted(st);
}

void Store::update_reorder(const Reorder& r) {
  sql::Statement& st = statement("UPDATE reorder SET active = ? WHERE id = ?");
  st.bind(1, r.active ? 1 : 0);
  st.bind(2, r.id);
  st.exec();
}

std::optional<Reorder> Store::find_reorder(Id id) {
  sql::Statement& st = statement(std::string(kReorderSelect) + "WHERE y.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_reorder(st);
}

std::vector<Reorder> Store::reorders(bool active_only) {
  sql::Statement& st = statement(std::string(kReorderSelect) + "WHERE ?1 = 0 OR y.active <> 0 ORDER BY y.id");
  st.bind(1, active_only ? 1 : 0);
  std::vector<Reorder> out;
  while (st.step()) out.push_back(read_reorder(st));
  return out;
}

std::optional<std::pair<std::string, bool>> Store::last_reorder_todo(Id reorder) {
  static const std::string text = fmt::format(R"sql(
SELECT occurrence, status = {} FROM todo WHERE reorder_id = ? ORDER BY occurrence DESC LIMIT 1)sql",
                                              literal(kTodoStatuses, TodoStatus::open));
  sql::Statement& st = statement(text);
  st.bind(1, reorder);
  if (!st.step()) return std::nullopt;
  return std::make_pair(st.column(0).text(), st.column(1).integer() != 0);
}

}  // namespace hopper
