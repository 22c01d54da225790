// Rows of customer, person and activity.
#include "hopper/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/normalize.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

static void bind_customer(sql::Statement& st, const Customer& c) {
  st.bind(":name", c.name);
  st.bind(":name_key", normalize_company(c.name));
  st.bind(":grade", c.grade);
  st.bind(":segment", c.segment);
  st.bind(":layer", c.layer);
  bind_optional(st, st.index(":owner_id"), c.owner_id);
  st.bind(":phone", c.phone);
  st.bind(":phone_key", normalize_phone(c.phone));
  st.bind(":email", c.email);
  st.bind(":email_key", normalize_email(c.email));
  st.bind(":locked", c.locked ? 1 : 0);
  bind_optional(st, st.index(":lead_id"), c.lead_id);
  bind_text_or_null(st, ":cool_until", c.cool_until);
  bind_text_or_null(st, ":claimed_at", c.claimed_at);
  bind_optional(st, st.index(":previous_owner_id"), c.previous_owner_id);
  bind_optional(st, st.index(":reserved_for_id"), c.reserved_for_id);
  bind_optional(st, st.index(":staked_by_id"), c.staked_by_id);
  bind_text_or_null(st, ":staked_at", c.staked_at);
  st.bind(":fields", fields_json(c.fields));
}

Id Store::insert_customer(const Customer& c) {
  sql::Statement& st = statement(R"sql(
INSERT INTO customer (name, name_key, grade, segment, layer, owner_id, phone, phone_key, email, email_key,
                      locked, lead_id, cool_until, claimed_at, previous_owner_id, reserved_for_id, staked_by_id,
                      staked_at, fields, created_at)
VALUES (:name, :name_key, :grade, :segment, :layer, :owner_id, :phone, :phone_key, :email, :email_key,
        :locked, :lead_id, :cool_until, :claimed_at, :previous_owner_id, :reserved_for_id, :staked_by_id,
        :staked_at, :fields, :created_at) RETURNING id)sql");
  bind_customer(st, c);
  st.bind(":created_at", c.created_at);
  return inserted(st);
}

void Store::update_customer(const Customer& c) {
  sql::Statement& st = statement(R"sql(
UPDATE customer SET name = :name, name_key = :name_key, grade = :grade, segment = :segment, layer = :layer,
  owner_id = :owner_id, phone = :phone, phone_key = :phone_key, email = :email, email_key = :email_key,
  locked = :locked, lead_id = :lead_id, cool_until = :cool_until, claimed_at = :claimed_at,
  previous_owner_id = :previous_owner_id, reserved_for_id = :reserved_for_id, staked_by_id = :staked_by_id,
  staked_at = :staked_at, fields = :fields
WHERE id = :id)sql");
  bind_customer(st, c);
  st.bind(":id", c.id);
  st.exec();
}

std::optional<Customer> Store::find_customer(Id id) {
  sql::Statement& st = statement(std::string(kCustomerSelect) + "WHERE c.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_customer(st);
}

static Where customer_filter(const CustomerFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "c.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(f.pool_only, "c.owner_id IS NULL")
      .add(!f.layer.empty(), "c.layer = :layer", ":layer", f.layer)
      .add(!f.grade.empty(), "c.grade = :grade", ":grade", f.grade)
      .add(!f.segment.empty(), "c.segment = :segment", ":segment", f.segment);
  return where;
}

void Store::each_customer(const CustomerFilter& f, const std::function<void(const Customer&)>& each) {
  Where where = customer_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_customer(st));
}

std::vector<Customer> Store::customers(const CustomerFilter& f) {
  Where where = customer_filter(f);
  sql::Statement& st = statement(std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  where.bind(st);
  std::vector<Customer> out;
  while (st.step()) out.push_back(read_customer(st));
  return out;
}

std::vector<Id> Store::customers_named(const std::string& name) {
  sql::Statement& st = statement("SELECT id FROM customer WHERE name_key = ? AND name = ? ORDER BY id");
  st.bind(1, normalize_company(name));
  st.bind(2, name);
  std::vector<Id> ids;
  while (st.step()) ids.push_back(st.column(0).int64());
  return ids;
}

int Store::held_customers(Id rep, const std::vector<std::string>& excluded_layers) {
  sql::Statement& st = statement(fmt::format(R"sql(
SELECT count(*) FROM customer
WHERE owner_id = ?1 AND layer NOT IN ({}))sql", numbered_parameters(2, excluded_layers.size())));
  st.bind(1, rep);
  for (std::size_t i = 0; i < excluded_layers.size(); ++i) st.bind(static_cast<int>(i) + 2, excluded_layers[i]);
  st.step();
  return st.column(0).integer();
}

Id Store::insert_person(const Person& p) {
  sql::Statement& st = statement(R"sql(
INSERT INTO person (customer_id, name, phone, email, title, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, p.customer_id);
  st.bind(2, p.name);
  st.bind(3, p.phone);
  st.bind(4, p.email);
  st.bind(5, p.title);
  st.bind(6, p.created_at);
  return inserted(st);
}

std::vector<Person> Store::people(Id customer) {
  sql::Statement& st = statement("SELECT id, customer_id, name, phone, email, title, created_at FROM person WHERE customer_id = ? ORDER BY id");
  st.bind(1, customer);
  std::vector<Person> out;
  while (st.step())
    out.push_back({st.column(0).int64(), st.column(1).int64(), st.column(2).text(),
                   st.column(3).text(), st.column(4).text(), st.column(5).text(),
                   st.column(6).text()});
  return out;
}

std::optional<Id> Store::customer_of_person(Id person) {
  sql::Statement& st = statement("SELECT customer_id FROM person WHERE id = ?");
  st.bind(1, person);
  if (!st.step()) return std::nullopt;
  return st.column(0).int64();
}

Id Store::insert_activity(const Activity& a) {
  sql::Statement& st = statement(R"sql(
INSERT INTO activity (subject_kind, subject_id, customer_id, type, text, at, actor_id, valid, invalid_reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, std::string(kind_table(a.subject.kind)));
  st.bind(2, a.subject.id);
  bind_optional(st, 3, a.customer_id);
  st.bind(4, a.type);
  st.bind(5, a.text);
  st.bind(6, a.at);
  st.bind(7, a.actor_id);
  st.bind(8, a.valid ? 1 : 0);
  st.bind(9, a.invalid_reason);
  return inserted(st);
}

std::vector<Activity> Store::activities(Ref subject) {
  // A customer's follow-ups include those logged on its converted lead.
  sql::Statement& st = statement(R"sql(
SELECT a.id, a.subject_kind, a.subject_id, a.customer_id, a.type, a.text, a.at, a.actor_id, r.name, a.valid,
       a.invalid_reason
FROM activity a JOIN rep r ON r.id = a.actor_id
WHERE (a.subject_kind = ?1 AND a.subject_id = ?2) OR (?1 = 'customer' AND a.customer_id = ?2)
ORDER BY a.at, a.id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<Activity> out;
  while (st.step()) {
    Activity a;
    a.id = st.column(0).int64();
    a.subject = {kind_from_table(st.column(1).text()), st.column(2).int64()};
    a.customer_id = optional_id(st.column(3));
    a.type = st.column(4).text();
    a.text = st.column(5).text();
    a.at = st.column(6).text();
    a.actor_id = st.column(7).int64();
    a.actor = st.column(8).text();
    a.valid = st.column(9).integer() != 0;
    a.invalid_reason = st.column(10).text();
    out.push_back(a);
  }
  return out;
}

}  // namespace hopper
