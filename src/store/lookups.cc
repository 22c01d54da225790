#include "store/lookups.h"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>
#include <vector>

#include "hopper/records.h"

namespace hopper::lookups {

// One indexed branch per key (each names its partial index's condition, so
// SQLite may use it); UNION drops a record matched twice.
std::string duplicates() {
  struct Key {
    const char *param, *customer_column, *lead_column;
  };
  std::string text;
  for (const Key& k : {Key{"phone_key", "phone_key", "phone_key"}, Key{"email_key", "email_key", "email_key"},
                       Key{"company_key", "name_key", "company_key"}})
    text += fmt::format(R"sql({3}
SELECT 'customer', c.id, c.name, coalesce(r.name, ''), c.layer, c.phone_key, c.email_key, c.name_key
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id
WHERE :{0} <> '' AND c.{1} = :{0} AND c.{1} <> '' AND NOT (:except_kind = 'customer' AND c.id = :except_id)
UNION
SELECT 'lead', l.id, l.name, coalesce(r.name, ''), 'lead', l.phone_key, l.email_key, l.company_key
FROM lead l LEFT JOIN rep r ON r.id = l.owner_id
WHERE :{0} <> '' AND l.{2} = :{0} AND l.{2} <> '' AND l.status = '{4}' AND NOT (:except_kind = 'lead' AND l.id = :except_id))sql",
                        k.param, k.customer_column, k.lead_column, text.empty() ? "" : "\nUNION",
                        kLeadStatuses.name(LeadStatus::open));
  return text + "\nORDER BY 1, 2";
}

std::string last_lost_at() {
  return R"sql(
SELECT coalesce(max(CASE WHEN h.at > e.at THEN h.at ELSE e.at END), '') FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.subject_id = :customer AND h.field = 'owner' AND h.from_value = :rep)sql";
}

namespace {

// `text` with each named parameter the function's argument of that meaning.
std::string with_arguments(std::string text, const std::vector<std::pair<std::string, std::string>>& arguments) {
  for (const auto& [param, argument] : arguments)
    for (auto at = text.find(param); at != std::string::npos; at = text.find(param, at + argument.size()))
      text.replace(at, param.size(), argument);
  return text;
}

}  // namespace

std::string in_functions(std::string script) {
  const std::pair<std::string, std::string> bodies[] = {
      {"@lookup(duplicates)", with_arguments(duplicates(), {{":phone_key", "duplicates.phone"},
                                                            {":email_key", "duplicates.email"},
                                                            {":company_key", "duplicates.company"},
                                                            {":except_kind", "duplicates.except_kind"},
                                                            {":except_id", "duplicates.except_id"}})},
      {"@lookup(last_lost_at)",
       with_arguments(last_lost_at(), {{":customer", "last_lost_at.customer"}, {":rep", "last_lost_at.rep"}})},
  };
  for (const auto& [marker, body] : bodies)
    if (auto at = script.find(marker); at != std::string::npos) script.replace(at, marker.size(), body);
  if (script.find("@lookup(") != std::string::npos) throw std::logic_error("a script names a lookup hopper lacks");
  return script;
}

}  // namespace hopper::lookups
