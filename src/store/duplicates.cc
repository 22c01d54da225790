// The duplicate lookup over open leads and customers.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/rows.h"

namespace hopper {
using namespace rows;

// SQLite's lookup: one indexed branch per key given (each names its partial
// index's condition, so SQLite may use it); UNION drops a record matched twice.
static std::string duplicate_lookup(const DuplicateKeys& keys) {
  struct Branch {
    const std::string& value;
    const char *customer_column, *lead_column;
  };
  std::string text;
  for (const Branch& b : {Branch{keys.phone, "phone_key", "phone_key"}, Branch{keys.email, "email_key", "email_key"},
                          Branch{keys.company, "name_key", "company_key"}}) {
    if (b.value.empty()) continue;
    text += fmt::format(R"sql({2}
SELECT 'customer', c.id, c.name, coalesce(r.name, ''), c.layer, c.phone_key, c.email_key, c.name_key
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id
WHERE c.{0} = :{1} AND c.{0} <> '' AND NOT (:except_kind = 'customer' AND c.id = :except_id)
UNION
SELECT 'lead', l.id, l.name, coalesce(r.name, ''), 'lead', l.phone_key, l.email_key, l.company_key
FROM lead l LEFT JOIN rep r ON r.id = l.owner_id
WHERE l.{1} = :{1} AND l.{1} <> '' AND l.status = 'open' AND NOT (:except_kind = 'lead' AND l.id = :except_id))sql",
                        b.customer_column, b.lead_column, text.empty() ? "" : "\nUNION");
  }
  return text;
}

std::vector<DuplicateMatch> Store::find_duplicates(const DuplicateKeys& keys, std::optional<Ref> except) {
  if (keys.phone.empty() && keys.email.empty() && keys.company.empty()) return {};
  // On a server, past the policies: a rep's duplicate may be another's record.
  sql::Statement& st = statement(
      postgres_ ? "SELECT * FROM duplicates(:phone_key, :email_key, :company_key, :except_kind, :except_id) ORDER BY kind, id"
                : duplicate_lookup(keys));
  for (auto [name, value] : {std::pair{":phone_key", &keys.phone}, std::pair{":email_key", &keys.email},
                             std::pair{":company_key", &keys.company}})
    if (st.index(name)) st.bind(name, *value);
  st.bind(":except_kind", except ? std::string(kind_table(except->kind)) : std::string());
  st.bind(":except_id", except ? except->id : 0);
  std::vector<DuplicateMatch> out;
  while (st.step()) {
    DuplicateMatch m;
    m.ref = {kind_from_table(st.column(0).text()), st.column(1).int64()};
    m.name = st.column(2).text();
    m.owner = st.column(3).text();
    m.where = st.column(4).text();
    if (!keys.phone.empty() && st.column(5).text() == keys.phone) m.key = "phone", m.value = keys.phone;
    else if (!keys.email.empty() && st.column(6).text() == keys.email) m.key = "email", m.value = keys.email;
    else m.key = "company", m.value = keys.company;
    out.push_back(m);
  }
  return out;
}

}  // namespace hopper
