// What the pool's rules read: customer clocks, claims, cooldowns, stakes.
#include "hopper/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

std::vector<CustomerClock> Store::customer_clocks(std::optional<Id> owner, std::optional<Id> customer,
                                                  const std::string& abandoned_layer,
                                                  const std::string& stage_probabilities) {
  std::string text = R"sql(
WITH stage_probability (pipeline, stage, probability) AS ({stages})
SELECT c.id, c.name, c.owner_id, r.name, c.segment, c.grade, c.locked, coalesce(c.claimed_at, c.created_at),
  (SELECT coalesce(max(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(min(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(max(o.closed_at), '') FROM opportunity o WHERE o.customer_id = c.id AND o.status = 'won'),
  (SELECT max(coalesce(o.manual_probability, sp.probability)) FROM opportunity o
   JOIN stage_probability sp ON sp.pipeline = o.pipeline AND sp.stage = o.stage
   WHERE o.customer_id = c.id AND o.status = 'open'),
  c.layer
FROM customer c JOIN rep r ON r.id = c.owner_id )sql";
  // The stages' probabilities as rows of their own (named parameters, as the filter's).
  auto stages = nlohmann::json::parse(stage_probabilities, nullptr, false);
  if (!stages.is_array()) throw std::logic_error("stage probabilities are a JSON array");
  std::string rows;
  for (std::size_t i = 0; i < stages.size(); ++i)
    rows += fmt::format("{0}SELECT :p{1}, :s{1}, :prob{1}", rows.empty() ? "" : " UNION ALL ", i);
  if (rows.empty()) rows = "SELECT '', '', 0.0 WHERE 1 = 0";
  text = fmt::format(fmt::runtime(text), fmt::arg("stages", rows));
  Where where;
  where.add(true, "c.layer <> :abandoned", ":abandoned", abandoned_layer)
      .add(owner.has_value(), "c.owner_id = :owner", ":owner", owner.value_or(0))
      .add(customer.has_value(), "c.id = :customer", ":customer", customer.value_or(0));
  sql::Statement& st = statement(text + where.text() + " ORDER BY c.id");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    st.bind(fmt::format(":p{}", i).c_str(), stages[i].value("p", ""));
    st.bind(fmt::format(":s{}", i).c_str(), stages[i].value("s", ""));
    st.bind(fmt::format(":prob{}", i).c_str(), stages[i].value("prob", 0.0));
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
  st.bind(1, customer);
  st.bind(2, rep);
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
