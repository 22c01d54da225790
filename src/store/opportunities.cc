// Rows of opportunity and opportunity_action.
#include "hopper/store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace hopper {
using namespace rows;

const char* kOpportunitySelect = R"sql(
SELECT o.*, c.name AS customer_name, coalesce(r.name, '') AS owner_name
FROM opportunity o JOIN customer c ON c.id = o.customer_id LEFT JOIN rep r ON r.id = o.owner_id )sql";

static Opportunity read_opportunity(sql::Statement& st) {
  Opportunity o;
  o.id = st.column("id").int64();
  o.customer_id = st.column("customer_id").int64();
  o.customer = st.column("customer_name").text();
  o.name = st.column("name").text();
  o.pipeline = st.column("pipeline").text();
  o.stage = st.column("stage").text();
  o.amount = st.column("amount").int64();
  o.close_date = st.column("close_date").text();
  if (!st.column("manual_probability").null()) o.manual_probability = st.column("manual_probability").real();
  o.owner_id = optional_id(st.column("owner_id"));
  o.owner = st.column("owner_name").text();
  o.status = kDealStatuses.stored(st.column("status").text());
  o.lost_reason = st.column("lost_reason").text();
  o.closed_at = st.column("closed_at").text();
  o.stage_since = st.column("stage_since").text();
  o.fields = parse_fields(st.column("fields").text());
  o.created_at = st.column("created_at").text();
  return o;
}

static void bind_opportunity(sql::Statement& st, const Opportunity& o) {
  st.bind(":customer_id", o.customer_id);
  st.bind(":name", o.name);
  st.bind(":pipeline", o.pipeline);
  st.bind(":stage", o.stage);
  st.bind(":amount", o.amount);
  bind_text_or_null(st, ":close_date", o.close_date);
  bind_optional(st, st.index(":manual_probability"), o.manual_probability);
  bind_optional(st, st.index(":owner_id"), o.owner_id);
  st.bind(":status", std::string(kDealStatuses.name(o.status)));
  st.bind(":lost_reason", o.lost_reason);
  bind_text_or_null(st, ":closed_at", o.closed_at);
  st.bind(":stage_since", o.stage_since);
  st.bind(":fields", fields_json(o.fields));
}

Id Store::insert_opportunity(const Opportunity& o) {
  sql::Statement& st = statement(R"sql(
INSERT INTO opportunity (customer_id, name, pipeline, stage, amount, close_date, manual_probability, owner_id,
                         status, lost_reason, closed_at, stage_since, fields, created_at)
VALUES (:customer_id, :name, :pipeline, :stage, :amount, :close_date, :manual_probability, :owner_id,
        :status, :lost_reason, :closed_at, :stage_since, :fields, :created_at) RETURNING id)sql");
  bind_opportunity(st, o);
  st.bind(":created_at", o.created_at);
  return inserted(st);
}

void Store::update_opportunity(const Opportunity& o) {
  sql::Statement& st = statement(R"sql(
UPDATE opportunity SET customer_id = :customer_id, name = :name, pipeline = :pipeline, stage = :stage,
  amount = :amount, close_date = :close_date, manual_probability = :manual_probability, owner_id = :owner_id,
  status = :status, lost_reason = :lost_reason, closed_at = :closed_at, stage_since = :stage_since,
  fields = :fields
WHERE id = :id)sql");
  bind_opportunity(st, o);
  st.bind(":id", o.id);
  st.exec();
}

std::optional<Opportunity> Store::find_opportunity(Id id) {
  sql::Statement& st = statement(std::string(kOpportunitySelect) + "WHERE o.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_opportunity(st);
}

static Where opportunity_filter(const OpportunityFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "o.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(f.customer_id.has_value(), "o.customer_id = :customer", ":customer", f.customer_id.value_or(0))
      .add(!f.pipeline.empty(), "o.pipeline = :pipeline", ":pipeline", f.pipeline)
      .add(!f.stage.empty(), "o.stage = :stage", ":stage", f.stage)
      .add(f.status.has_value(), "o.status = :status", ":status", std::string(f.status ? kDealStatuses.name(*f.status) : ""));
  return where;
}

void Store::each_opportunity(const OpportunityFilter& f, const std::function<void(const Opportunity&)>& each) {
  Where where = opportunity_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_opportunity(st));
}

std::vector<Opportunity> Store::opportunities(const OpportunityFilter& f) {
  Where where = opportunity_filter(f);
  sql::Statement& st = statement(std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  where.bind(st);
  std::vector<Opportunity> out;
  while (st.step()) out.push_back(read_opportunity(st));
  return out;
}

std::optional<Id> Store::opportunity_named(Id customer, const std::string& name) {
  sql::Statement& st = statement("SELECT max(id) FROM opportunity WHERE customer_id = ? AND name = ?");
  st.bind(1, customer);
  st.bind(2, name);
  st.step();
  return optional_id(st.column(0));
}

void Store::check_action(Id opportunity, const std::string& action, const std::string& at, const std::string& actor) {
  sql::Statement& st = statement(R"sql(
INSERT INTO opportunity_action (opportunity_id, action, checked_at, actor) VALUES (?, ?, ?, ?)
ON CONFLICT (opportunity_id, action) DO NOTHING)sql");
  st.bind(1, opportunity);
  st.bind(2, action);
  st.bind(3, at);
  st.bind(4, actor);
  st.exec();
}

std::vector<std::string> Store::checked_actions(Id opportunity) {
  sql::Statement& st = statement("SELECT action FROM opportunity_action WHERE opportunity_id = ? ORDER BY id");
  st.bind(1, opportunity);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.column(0).text());
  return out;
}

std::string Store::last_activity_at(Ref subject) {
  sql::Statement& st = statement("SELECT coalesce(max(at), '') FROM activity WHERE subject_kind = ? AND subject_id = ?");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.step();
  return st.column(0).text();
}

}  // namespace hopper
