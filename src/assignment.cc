#include "hopper/assignment.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/text.h"

namespace hopper {
namespace {

std::optional<Id> owner_of(Session& s, Ref r) {
  if (r.kind == Kind::lead) return load_lead(s, r.id).owner_id;
  return load_customer(s, r.id).owner_id;
}

std::string segment_of(Session& s, const Conflict& x) {
  for (Ref r : {x.existing, x.record})
    if (r.kind == Kind::customer) return load_customer(s, r.id).segment;
  return s.config.default_segment;
}

// The policy's winner, or nullopt while it cannot tell yet.
std::optional<Id> policy_winner(Session& s, const Conflict& x, ConflictPolicy policy) {
  if (policy == ConflictPolicy::first_contact) {
    std::optional<std::pair<std::string, Ref>> first;
    for (Ref r : {x.existing, x.record}) {
      std::string at = s.store.first_valid_followup(r);
      if (!at.empty() && (!first || at < first->first)) first = {at, r};
    }
    return first ? owner_of(s, first->second) : std::nullopt;
  }
  if (policy == ConflictPolicy::progress) {
    std::optional<std::pair<double, Id>> best;
    for (Ref r : {x.existing, x.record}) {
      if (r.kind != Kind::customer) continue;
      for (const auto& o : s.store.opportunities({std::nullopt, r.id, "", "", DealStatus::open})) {
        double p = effective_probability(s.config, o);
        if (o.owner_id && (!best || p > best->first)) best = {p, *o.owner_id};
      }
    }
    return best ? std::optional<Id>(best->second) : std::nullopt;
  }
  return std::nullopt;  // manager: waits in the list
}

void give(Session& s, Ref r, const Rep& to, const std::string& reason) {
  if (r.kind == Kind::lead) {
    Lead l = load_lead(s, r.id);
    if (l.owner_id == to.id) return;
    s.record_change(r, "owner", owner_label(l.owner), to.name, reason, Cause::conflict);
    l.owner_id = to.id;
    s.store.update_lead(l);
  } else {
    Customer c = load_customer(s, r.id);
    if (c.owner_id == to.id) return;
    change_owner(s, c, to, {Cause::conflict, reason, ""});
    s.store.update_customer(c);
  }
}

Conflict settle(Session& s, Conflict x, const Rep& to, const std::string& how) {
  std::string reason = fmt::format("conflict {} ({})", make_ref(Kind::conflict, x.id), how);
  give(s, x.existing, to, reason);
  give(s, x.record, to, reason);
  s.store.resolve_conflict(x.id, to.name, how);
  x.status = ConflictStatus::resolved;
  x.resolved_to = to.name;
  x.resolution = how;
  return x;
}

Conflict load_conflict(Session& s, Id id) {
  for (const auto& x : s.store.conflicts(std::nullopt))
    if (x.id == id) return x;
  throw Error(Exit::not_found, fmt::format("no conflict {} (see hopper conflict list)", make_ref(Kind::conflict, id)));
}

int free_slots(Session& s, const Rep& r) {
  return capacity_of(s.config, r) - s.store.held_customers(r.id, s.config.pool.capacity_excludes);
}

}  // namespace

Conflict resolve_conflict(Session& s, Id id, const std::optional<std::string>& to) {
  Conflict x = load_conflict(s, id);
  std::string ref = make_ref(Kind::conflict, id);
  if (x.status != ConflictStatus::open) throw Error(Exit::refused, fmt::format("{} was already resolved to {}", ref, x.resolved_to));
  if (to) {
    require_manager(s, "resolving a conflict");
    return settle(s, x, active_rep(s, *to), std::string(kConflictPolicies.name(ConflictPolicy::manager)));
  }
  ConflictPolicy policy = s.config.conflict.policy_for(segment_of(s, x));
  auto winner = policy_winner(s, x, policy);
  if (!winner)
    throw Error(Exit::refused,
                policy == ConflictPolicy::manager
                    ? fmt::format("{} waits for a manager ([conflict] policy manager): hopper conflict resolve {} --to REP", ref, id)
                    : fmt::format("{}: the {} policy cannot decide yet (no valid follow-up or open opportunity on "
                                  "either record); a manager may decide with --to REP",
                                  ref, kConflictPolicies.name(policy)));
  return settle(s, x, *s.store.find_rep(*winner), std::string(kConflictPolicies.name(policy)));
}

std::vector<Conflict> resolve_conflicts_by_policy(Session& s) {
  std::vector<Conflict> resolved;
  for (const auto& x : s.store.conflicts(ConflictStatus::open)) {
    ConflictPolicy policy = s.config.conflict.policy_for(segment_of(s, x));
    if (auto winner = policy_winner(s, x, policy))
      resolved.push_back(settle(s, x, *s.store.find_rep(*winner), std::string(kConflictPolicies.name(policy))));
  }
  return resolved;
}

std::optional<Rep> pick_rep(Session& s, AssignStrategy strategy, const std::vector<Id>& excluded) {
  std::vector<Rep> candidates;
  for (const Rep& r : s.store.reps())
    if (r.active && r.role == Role::rep && free_slots(s, r) > 0 &&
        std::find(excluded.begin(), excluded.end(), r.id) == excluded.end())
      candidates.push_back(r);
  if (candidates.empty()) return std::nullopt;
  if (strategy == AssignStrategy::top_seller) {  // the best resources go to the best seller ("fat man" rule)
    std::string since = format_date(date_of(s.now) - std::chrono::days{s.config.assign.top_seller_window_days});
    auto won = s.store.won_amounts_since(since);
    return *std::max_element(candidates.begin(), candidates.end(), [&](const Rep& a, const Rep& b) {
      return won[a.id] < won[b.id] || (won[a.id] == won[b.id] && a.id > b.id);
    });
  }
  if (strategy == AssignStrategy::balanced)
    return *std::max_element(candidates.begin(), candidates.end(), [&](const Rep& a, const Rep& b) {
      return free_slots(s, a) < free_slots(s, b) || (free_slots(s, a) == free_slots(s, b) && a.id > b.id);
    });
  // round-robin: the next rep after the one assigned last
  auto last = s.store.last_assigned_rep();
  std::optional<Rep> last_rep = last ? s.store.find_rep(*last) : std::nullopt;
  for (const Rep& r : candidates)
    if (!last_rep || r.id > last_rep->id) return r;
  return candidates.front();
}

std::vector<Customer> assign_customers(Session& s, const std::vector<Id>& ids, const std::optional<std::string>& to,
                                       std::optional<AssignStrategy> strategy) {
  require_manager(s, "assigning customers");
  AssignStrategy how = strategy.value_or(s.config.assign.strategy);
  std::vector<Customer> out;
  for (Id id : ids) {
    Customer c = load_customer(s, id);
    std::string ref = make_ref(Kind::customer, id);
    if (c.owner_id) throw Error(Exit::refused, fmt::format("{} is not in the pool: {} owns it", ref, c.owner));
    std::optional<Rep> rep;
    std::string reason;
    if (to) {
      rep = active_rep(s, *to);
      reason = "assigned";
    } else if (s.config.assign.own_discovery && c.lead_id) {
      Lead l = load_lead(s, *c.lead_id);
      if (l.owner_id) rep = s.store.find_rep(*l.owner_id);
      if (rep && (!rep->active || free_slots(s, *rep) <= 0)) rep.reset();
      reason = "assigned: own discovery";
    }
    if (!rep) {
      rep = pick_rep(s, how);
      reason = "assigned: " + std::string(kAssignStrategies.name(how));
    }
    if (!rep) throw Error(Exit::refused, fmt::format("no rep has a free slot for {}; every private pool is full", ref));
    if (free_slots(s, *rep) <= 0)
      throw Error(Exit::refused, fmt::format("{} holds {} customers, their capacity; {} cannot go to them", rep->name,
                                             capacity_of(s.config, *rep), ref));
    change_owner(s, c, rep, {Cause::assigned, reason, ""});
    s.store.update_customer(c);
    out.push_back(c);
  }
  return out;
}

}  // namespace hopper
