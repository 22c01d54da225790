#include "store/rows.h"

#include <fmt/format.h>

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "hopper/normalize.h"

namespace hopper::rows {

std::string numbered_parameters(int first, std::size_t count) {
  if (count == 0) return "SELECT NULL WHERE 1 = 0";
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += fmt::format("{}?{}", i ? ", " : "", first + static_cast<int>(i));
  return out;
}

std::string quoted(std::string_view name) {
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string fields_json(const Fields& fields) {
  return nlohmann::json(fields).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
Fields parse_fields(const std::string& text) {
  Fields out;
  if (text == "{}") return out;  // most records: no custom field, no JSON parse
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

void bind_text_or_null(sql::Statement& st, const char* name, const std::string& v) {
  if (v.empty()) st.bind(name);
  else st.bind(name, v);
}

std::optional<Id> optional_id(const sql::Column& c) {
  if (c.null()) return std::nullopt;
  return c.int64();
}

Rep read_rep(sql::Statement& st) {
  Rep r;
  r.id = st.column("id").int64();
  r.name = st.column("name").text();
  r.team = st.column("team").text();
  r.role = kRoles.stored(st.column("role").text());
  r.active = st.column("active").integer() != 0;
  if (!st.column("capacity").null()) r.capacity = st.column("capacity").integer();
  r.created_at = st.column("created_at").text();
  return r;
}

Lead read_lead(sql::Statement& st) {
  Lead l;
  l.id = st.column("id").int64();
  l.name = st.column("name").text();
  l.company = st.column("company").text();
  l.contact = st.column("contact").text();
  l.phone = st.column("phone").text();
  l.email = st.column("email").text();
  l.source = st.column("source").text();
  l.grade = st.column("grade").text();
  l.owner_id = optional_id(st.column("owner_id"));
  l.owner = st.column("owner_name").text();
  l.status = kLeadStatuses.stored(st.column("status").text());
  l.drop_reason = st.column("drop_reason").text();
  l.customer_id = optional_id(st.column("customer_id"));
  l.fields = parse_fields(st.column("fields").text());
  l.created_at = st.column("created_at").text();
  return l;
}

Customer read_customer(sql::Statement& st) {
  Customer c;
  c.id = st.column("id").int64();
  c.name = st.column("name").text();
  c.grade = st.column("grade").text();
  c.segment = st.column("segment").text();
  c.layer = st.column("layer").text();
  c.owner_id = optional_id(st.column("owner_id"));
  c.owner = st.column("owner_name").text();
  c.phone = st.column("phone").text();
  c.email = st.column("email").text();
  c.locked = st.column("locked").integer() != 0;
  c.lead_id = optional_id(st.column("lead_id"));
  c.cool_until = st.column("cool_until").text();
  c.claimed_at = st.column("claimed_at").text();
  c.previous_owner_id = optional_id(st.column("previous_owner_id"));
  c.previous_owner = st.column("previous_owner_name").text();
  c.reserved_for_id = optional_id(st.column("reserved_for_id"));
  c.reserved_for = st.column("reserved_for_name").text();
  c.staked_by_id = optional_id(st.column("staked_by_id"));
  c.staked_by = st.column("staked_by_name").text();
  c.staked_at = st.column("staked_at").text();
  c.fields = parse_fields(st.column("fields").text());
  c.created_at = st.column("created_at").text();
  return c;
}

std::string company_key(const std::string& company) {
  return company.empty() ? "" : normalize_company(company);
}

Id inserted(sql::Statement& st) {
  if (!st.step()) throw std::logic_error("an INSERT … RETURNING id returned no row");
  Id id = st.column(0).int64();
  st.step();  // to its end: a statement left part way blocks a savepoint
  return id;
}

}  // namespace hopper::rows
