// What the pool's rules read: customer clocks, claims, cooldowns, stakes.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

namespace {

// A deal's (o) win probability as SQL, the rule of effective_probability:
// won 100, lost 0, else its manual probability, else its stage's in
// funnel.toml, 0 for a stage funnel.toml no longer has. Stage i's keys and
// probability are bound as :p<i>, :s<i>, :prob<i>.
std::string win_probability_sql(std::size_t stages) {
  std::string text = fmt::format(
      "CASE WHEN o.status = {} THEN 100.0 WHEN o.status = {} THEN 0.0 "
      "WHEN o.manual_probability IS NOT NULL THEN o.manual_probability",
      rows::literal(kDealStatuses, DealStatus::won), rows::literal(kDealStatuses, DealStatus::lost));
  for (std::size_t i = 0; i < stages; ++i) text += fmt::format(" WHEN o.pipeline = :p{0} AND o.stage = :s{0} THEN :prob{0}", i);
  return text + " ELSE 0.0 END";
}

}  // namespace

std::vector<CustomerClock> Store::customer_clocks(std::optional<Id> owner, std::optional<Id> customer,
                                                  const std::string& abandoned_layer,
                                                  const std::vector<StageProbability>& stages) {
  std::string text = fmt::format(R"sql(
SELECT c.id, c.name, c.owner_id, r.name, c.segment, c.grade, c.locked, coalesce(c.claimed_at, c.created_at),
  (SELECT coalesce(max(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(min(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(max(o.closed_at), '') FROM opportunity o WHERE o.customer_id = c.id AND o.status = {won}),
  (SELECT max({probability}) FROM opportunity o WHERE o.customer_id = c.id AND o.status = {open}),
  c.layer
FROM customer c JOIN rep r ON r.id = c.owner_id )sql",
                                 fmt::arg("probability", win_probability_sql(stages.size())),
                                 fmt::arg("won", rows::literal(kDealStatuses, DealStatus::won)),
                                 fmt::arg("open", rows::literal(kDealStatuses, DealStatus::open)));
  Where where;
  where.add(true, "c.layer <> :abandoned", ":abandoned", abandoned_layer)
      .add(owner.has_value(), "c.owner_id = :owner", ":owner", owner.value_or(0))
      .add(customer.has_value(), "c.id = :customer", ":customer", customer.value_or(0));
  sql::Statement& st = statement(text + where.text() + " ORDER BY c.id");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    st.bind(fmt::format(":p{}", i).c_str(), stages[i].pipeline);
    st.bind(fmt::format(":s{}", i).c_str(), stages[i].stage);
    st.bind(fmt::format(":prob{}", i).c_str(), stages[i].probability);
  }
  where.bind(st);
  std::vector<CustomerClock> out;
  while (st.step()) {
    CustomerClock k;
    k.id = st.column(0).int64();
    k.name = st.column(1).text();
    k.owner_id = st.column(2).int64();
    k.owner = st.column(3).text();
    k.segment = st.column(4).text();
    k.grade = st.column(5).text();
    k.locked = st.column(6).integer() != 0;
    k.claimed_at = st.column(7).text();
    k.last_valid_followup = st.column(8).text();
    k.first_valid_followup = st.column(9).text();
    k.last_won = st.column(10).text();
    if (!st.column(11).null()) k.open_probability = st.column(11).real();
    k.layer = st.column(12).text();
    out.push_back(k);
  }
  return out;
}

int Store::claims_on(const std::string& rep, const std::string& date) {
  sql::Statement& st = statement(R"sql(
SELECT count(*) FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.field = 'owner' AND h.actor = ?1 AND h.to_value = ?1 AND h.cause = 'claimed'
  AND substr(e.at, 1, 10) = ?2)sql");
  st.bind(1, rep);
  st.bind(2, date);
  st.step();
  return st.column(0).integer();
}

std::string Store::last_lost_at(Id customer, const std::string& rep) {
  sql::Statement& st = statement(backend_->last_lost_at_sql());
  st.bind(":customer", customer);
  st.bind(":rep", rep);
  st.step();
  return st.column(0).text();
}

int Store::staked_count(Id rep) {
  sql::Statement& st = statement("SELECT count(*) FROM customer WHERE staked_by_id = ? AND owner_id IS NULL");
  st.bind(1, rep);
  st.step();
  return st.column(0).integer();
}

}  // namespace hopper
