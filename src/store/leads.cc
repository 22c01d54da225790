// Rows of lead.
#include "hopper/store.h"

#include <nlohmann/json.hpp>

#include "hopper/normalize.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

static void bind_lead(sql::Statement& st, const Lead& l) {
  st.bind(":name", l.name);
  st.bind(":company", l.company);
  st.bind(":company_key", company_key(l.company));
  st.bind(":contact", l.contact);
  st.bind(":phone", l.phone);
  st.bind(":phone_key", normalize_phone(l.phone));
  st.bind(":email", l.email);
  st.bind(":email_key", normalize_email(l.email));
  st.bind(":source", l.source);
  st.bind(":grade", l.grade);
  bind_optional(st, st.index(":owner_id"), l.owner_id);
  st.bind(":status", std::string(kLeadStatuses.name(l.status)));
  st.bind(":drop_reason", l.drop_reason);
  bind_optional(st, st.index(":customer_id"), l.customer_id);
  st.bind(":fields", fields_json(l.fields));
}

Id Store::insert_lead(const Lead& l) {
  sql::Statement& st = statement(R"sql(
INSERT INTO lead (name, company, company_key, contact, phone, phone_key, email, email_key, source, grade,
                  owner_id, status, drop_reason, customer_id, fields, created_at)
VALUES (:name, :company, :company_key, :contact, :phone, :phone_key, :email, :email_key, :source, :grade,
        :owner_id, :status, :drop_reason, :customer_id, :fields, :created_at) RETURNING id)sql");
  bind_lead(st, l);
  st.bind(":created_at", l.created_at);
  return inserted(st);
}

void Store::update_lead(const Lead& l) {
  sql::Statement& st = statement(R"sql(
UPDATE lead SET name = :name, company = :company, company_key = :company_key, contact = :contact,
  phone = :phone, phone_key = :phone_key, email = :email, email_key = :email_key, source = :source,
  grade = :grade, owner_id = :owner_id, status = :status, drop_reason = :drop_reason,
  customer_id = :customer_id, fields = :fields
WHERE id = :id)sql");
  bind_lead(st, l);
  st.bind(":id", l.id);
  st.exec();
}

std::optional<Lead> Store::find_lead(Id id) {
  sql::Statement& st = statement(std::string(kLeadSelect) + "WHERE l.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_lead(st);
}

static Where lead_filter(const LeadFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "l.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(!f.grade.empty(), "l.grade = :grade", ":grade", f.grade)
      .add(!f.source.empty(), "l.source = :source", ":source", f.source)
      .add(f.status.has_value(), "l.status = :status", ":status", std::string(f.status ? kLeadStatuses.name(*f.status) : ""));
  return where;
}

void Store::each_lead(const LeadFilter& f, const std::function<void(const Lead&)>& each) {
  Where where = lead_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_lead(st));
}

std::vector<Lead> Store::leads(const LeadFilter& f) {
  Where where = lead_filter(f);
  sql::Statement& st = statement(std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  where.bind(st);
  std::vector<Lead> out;
  while (st.step()) out.push_back(read_lead(st));
  return out;
}

}  // namespace hopper
