// What reports and assignment read beyond the records themselves.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/rows.h"

namespace hopper {
using namespace rows;

std::pair<int, int> Store::followup_counts(Id rep, const std::string& from, const std::string& to) {
  sql::Statement& st = statement(R"sql(
SELECT count(*), coalesce(sum(1 - valid), 0) FROM activity WHERE actor_id = ? AND at >= ? AND at < ?)sql");
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.step();
  return {st.column(0).integer(), st.column(1).integer()};
}

int Store::staked_signings(const std::string& rep, const std::string& from, const std::string& to) {
  static const std::string text = fmt::format(R"sql(
SELECT count(*) FROM opportunity o JOIN rep r ON r.id = o.owner_id
WHERE o.status = {} AND o.closed_at >= ?2 AND o.closed_at < ?3 AND r.name = ?1
  AND EXISTS (SELECT 1 FROM history h WHERE h.subject_kind = 'customer' AND h.subject_id = o.customer_id
              AND h.field = 'stake' AND h.to_value = ?1))sql",
                                              literal(kDealStatuses, DealStatus::won));
  sql::Statement& st = statement(text);
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.step();
  return st.column(0).integer();
}

std::optional<std::string> Store::last_assigned_rep() {
  sql::Statement& st = statement(R"sql(
SELECT to_value FROM history WHERE field = 'owner' AND subject_kind = 'customer' AND cause = 'assigned'
ORDER BY id DESC LIMIT 1)sql");
  if (!st.step()) return std::nullopt;
  return st.column(0).text();
}

std::map<Id, double> Store::won_amounts_since(const std::string& since) {
  // A float sum: it ranks reps and cannot overflow.
  static const std::string text = fmt::format(R"sql(
SELECT owner_id, sum(CAST(amount AS DOUBLE PRECISION)) FROM opportunity
WHERE status = {} AND closed_at >= ? AND owner_id IS NOT NULL GROUP BY owner_id)sql",
                                              literal(kDealStatuses, DealStatus::won));
  sql::Statement& st = statement(text);
  st.bind(1, since);
  std::map<Id, double> out;
  while (st.step()) out[st.column(0).int64()] = st.column(1).real();
  return out;
}

}  // namespace hopper
