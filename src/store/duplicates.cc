// The duplicate lookup over open leads and customers.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

std::vector<DuplicateMatch> Store::find_duplicates(const DuplicateKeys& keys, std::optional<Ref> except) {
  if (keys.phone.empty() && keys.email.empty() && keys.company.empty()) return {};
  sql::Statement& st = statement(backend_->duplicate_lookup_sql());
  st.bind(":phone_key", keys.phone);
  st.bind(":email_key", keys.email);
  st.bind(":company_key", keys.company);
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
